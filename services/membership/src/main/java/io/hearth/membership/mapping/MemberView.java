package io.hearth.membership.mapping;

import java.time.Instant;
import java.util.UUID;

import io.hearth.contracts.events.CommunityRole;
import io.hearth.membership.domain.EntryChannel;
import io.hearth.membership.domain.Membership;

public record MemberView(UUID communityId, String userId, CommunityRole role, Instant joinedAt, String entryCode,
        EntryChannel channel, String referrerId) {

    public static MemberView of(Membership m) {
        return new MemberView(m.communityId, m.userId, m.role, m.joinedAt, m.entryCode, m.channel, m.referrerId);
    }
}
