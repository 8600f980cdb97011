package io.hearth.contracts.events;

import java.util.List;

/**
 * The owner granted a partner client access to the community with these scopes; a later grant to the same client
 * replaces the scopes of the earlier one.
 */
public record PartnerAccessGranted(String communityId, String clientId, List<PartnerScope> scopes, String grantedBy)
        implements EventData {
}
