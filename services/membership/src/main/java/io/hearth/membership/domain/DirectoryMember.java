package io.hearth.membership.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.hearth.contracts.events.CommunityRole;

/** A current member as the member directory shows them: the stay, their manual and automatic tags, last activity. */
public record DirectoryMember(long seq, UUID communityId, String userId, CommunityRole role, Instant joinedAt,
        String entryCode, EntryChannel channel, String referrerId, String displayName, String source,
        String liveCode, List<String> tags, List<AutoTag> autoTags, Instant lastActiveAt) {
}
