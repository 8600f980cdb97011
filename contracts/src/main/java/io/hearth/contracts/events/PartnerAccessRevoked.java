package io.hearth.contracts.events;

/** The owner revoked a partner client's access to the community: from now on it may do nothing there. */
public record PartnerAccessRevoked(String communityId, String clientId, String revokedBy) implements EventData {
}
