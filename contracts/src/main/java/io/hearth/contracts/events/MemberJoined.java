package io.hearth.contracts.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A person became a member (or, for the owner, staff) of a community. {@code entryCode}, {@code channel} and
 * {@code referrerId} attribute the join to the entry it came through, when there was one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberJoined(String communityId, String userId, CommunityRole role, String entryCode, String channel,
        String referrerId) implements EventData {
}
