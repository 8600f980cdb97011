package io.hearth.activity.mapping;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.activity.domain.PointsSettings;

@Schema(description = "The points each action earns in the community; the rate when an action is booked is what "
        + "counts, so a change applies to later actions only",
        requiredProperties = { "communityId", "post", "reply", "reactionReceived", "checkIn", "attendance",
                "acceptedAnswer", "challengeCompleted" })
public record PointsSettingsView(UUID communityId,
        @Schema(description = "Points for publishing a post") int post,
        @Schema(description = "Points for replying") int reply,
        @Schema(description = "Points to a post's author for each reaction someone else gives it") int reactionReceived,
        @Schema(description = "Points for a day's check-in") int checkIn,
        @Schema(description = "Points for attending an event") int attendance,
        @Schema(description = "Points for a reply accepted as the answer") int acceptedAnswer,
        @Schema(description = "Points for completing a challenge") int challengeCompleted,
        @Schema(description = "When staff last changed them; absent while they are the defaults") Instant updatedAt,
        @Schema(description = "Who last changed them; absent while they are the defaults") String updatedBy) {

    public static PointsSettingsView of(PointsSettings s) {
        return new PointsSettingsView(s.communityId, s.post, s.reply, s.reactionReceived, s.checkIn, s.attendance,
                s.acceptedAnswer, s.challengeCompleted, s.updatedAt, s.updatedBy);
    }
}
