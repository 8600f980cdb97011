package io.hearth.membership.mapping;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.membership.domain.MemberMute;

@Schema(description = "A member's mute: until then they may read, but not post or check in, in the community",
        requiredProperties = { "communityId", "userId", "until", "mutedBy", "mutedAt" })
public record MuteView(UUID communityId, @Schema(description = "Keycloak subject of the muted member") String userId,
        @Schema(description = "When the mute runs out") Instant until,
        @Schema(description = "Why; absent if none was given") String reason,
        @Schema(description = "The owner or admin who muted them") String mutedBy, Instant mutedAt) {

    public static MuteView of(MemberMute mute) {
        return new MuteView(mute.communityId, mute.userId, mute.until, mute.reason, mute.mutedBy, mute.mutedAt);
    }
}
