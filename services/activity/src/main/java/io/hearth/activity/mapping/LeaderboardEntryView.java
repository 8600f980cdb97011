package io.hearth.activity.mapping;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.activity.domain.ChallengeParticipant;

@Schema(description = "A participant's place on a challenge's leaderboard",
        requiredProperties = { "rank", "userId", "checkIns", "completed" })
public record LeaderboardEntryView(
        @Schema(description = "1 for the first: most check-ins on the challenge's days, ties by earlier completion "
                + "(then by user id)") int rank,
        String userId,
        @Schema(description = "Check-ins on the challenge's days") int checkIns,
        boolean completed,
        @Schema(description = "When they reached the goal; absent until then") Instant completedAt) {

    public static LeaderboardEntryView of(int rank, ChallengeParticipant p) {
        return new LeaderboardEntryView(rank, p.userId, p.checkIns, p.completedAt != null, p.completedAt);
    }
}
