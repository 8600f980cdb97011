package io.hearth.contracts.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An entry (invite link, referral, live code) through which people join; {@code createdBy} is the referrer for referrals. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EntryCreated(String communityId, String code, String channel, String createdBy) implements EventData {
}
