package io.hearth.membership.mapping;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.contracts.events.CommunityRole;
import io.hearth.membership.domain.EntryChannel;
import io.hearth.membership.domain.Membership;

@Schema(description = "A person's current membership of a community",
        requiredProperties = { "communityId", "userId", "role", "joinedAt" })
public record MemberView(UUID communityId, @Schema(description = "Keycloak subject of the member") String userId,
        CommunityRole role, Instant joinedAt,
        @Schema(description = "Code of the entry they joined through; absent if none") String entryCode,
        @Schema(description = "Channel of that entry; absent if none") EntryChannel channel,
        @Schema(description = "Who referred them, for a join through a referral; absent otherwise") String referrerId,
        @Schema(description = "The operator's label of the entry or live code they came through; absent if none")
        String source,
        @Schema(description = "The live code they came through; absent otherwise") String liveCode) {

    public static MemberView of(Membership m) {
        return new MemberView(m.communityId, m.userId, m.role, m.joinedAt, m.entryCode, m.channel, m.referrerId,
                m.source, m.liveCode);
    }
}
