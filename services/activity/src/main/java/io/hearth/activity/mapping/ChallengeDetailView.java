package io.hearth.activity.mapping;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A challenge with the caller's progress and its leaderboard",
        requiredProperties = { "challenge", "participants", "completions", "leaderboard" })
public record ChallengeDetailView(ChallengeView challenge,
        @Schema(description = "How many members joined it") long participants,
        @Schema(description = "How many of them reached the goal") long completions,
        @Schema(description = "The caller's progress; absent if the caller has not joined") ChallengeProgressView me,
        @Schema(description = "The first participants (as many as limit asks), most check-ins first, ties by "
                + "earlier completion") List<LeaderboardEntryView> leaderboard) {
}
