package io.hearth.activity.mapping;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.activity.domain.Challenge;
import io.hearth.activity.domain.ChallengeParticipant;

@Schema(description = "A participant's progress in a challenge", requiredProperties = { "challengeId", "userId",
        "joinedAt", "checkIns", "goal", "completed" })
public record ChallengeProgressView(UUID challengeId, String userId,
        @Schema(description = "When they joined") Instant joinedAt,
        @Schema(description = "Their check-ins on the challenge's days, those before they joined included")
        int checkIns,
        @Schema(description = "Check-ins on its days that complete the challenge") int goal,
        @Schema(description = "Whether they reached the goal") boolean completed,
        @Schema(description = "When they reached the goal; absent until then") Instant completedAt) {

    public static ChallengeProgressView of(Challenge challenge, ChallengeParticipant p) {
        return new ChallengeProgressView(challenge.id, p.userId, p.joinedAt, p.checkIns, challenge.goal,
                p.completedAt != null, p.completedAt);
    }
}
