package io.hearth.contracts.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A person became a member (or, for the owner, staff) of a community. {@code entryCode}, {@code channel},
 * {@code source} and {@code referrerId} attribute the join to the entry or live code it came through, when there was
 * one; {@code visitorId} ties it to the anonymous opening that led to it ({@code hearth.entry.opened}), and
 * {@code displayName} is how the person is addressed (welcomes).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberJoined(String communityId, String userId, CommunityRole role, String entryCode, String channel,
        String referrerId, String source, String liveCode, String visitorId, String displayName) implements EventData {

    public MemberJoined(String communityId, String userId, CommunityRole role, String entryCode, String channel,
            String referrerId) {
        this(communityId, userId, role, entryCode, channel, referrerId, null, null, null, null);
    }
}
