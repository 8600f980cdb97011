package io.hearth.contracts.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Staff banned a person: they cannot join again through any entry or live code until unbanned. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberBanned(String communityId, String userId, String reason, String bannedBy) implements EventData {
}
