package io.hearth.membership.mapping;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.membership.domain.MemberBan;

@Schema(description = "A person banned from the community: they cannot join it again until the ban is lifted",
        requiredProperties = { "communityId", "userId", "bannedBy", "bannedAt" })
public record BanView(UUID communityId, @Schema(description = "Keycloak subject of the banned person") String userId,
        @Schema(description = "Why; absent if none was given") String reason,
        @Schema(description = "The owner or admin who banned them") String bannedBy, Instant bannedAt) {

    public static BanView of(MemberBan ban) {
        return new BanView(ban.communityId, ban.userId, ban.reason, ban.bannedBy, ban.bannedAt);
    }
}
