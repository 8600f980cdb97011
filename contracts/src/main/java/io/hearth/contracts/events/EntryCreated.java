package io.hearth.contracts.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An entry (invite link, referral, live code) through which people join; {@code createdBy} is the referrer for
 * referrals, {@code source} the operator's label for where it is published, {@code expiresAt} and {@code maxUses} its
 * limits when it has them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EntryCreated(String communityId, String code, String channel, String createdBy, String source,
        Instant expiresAt, Integer maxUses) implements EventData {

    public EntryCreated(String communityId, String code, String channel, String createdBy) {
        this(communityId, code, channel, createdBy, null, null, null);
    }
}
