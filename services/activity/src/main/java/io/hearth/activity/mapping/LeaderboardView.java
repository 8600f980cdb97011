package io.hearth.activity.mapping;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Current members ranked by points in a period",
        requiredProperties = { "communityId", "period", "since", "items" })
public record LeaderboardView(UUID communityId,
        @Schema(description = "The period asked for: 7d, 30d or all", examples = "7d") String period,
        @Schema(description = "Points of actions from this instant on count (the Unix epoch for all)") Instant since,
        @Schema(description = "Members with points in the period, most first; ties share a rank and are listed by "
                + "userId") List<Entry> items) {

    @Schema(name = "LeaderboardEntry", description = "One member's place on the leaderboard",
            requiredProperties = { "rank", "userId", "points" })
    public record Entry(
            @Schema(description = "1 for the most points; members with equal points share a rank and the next "
                    + "rank skips as many (1, 1, 3)") long rank,
            @Schema(description = "Keycloak subject (user id) of the member") String userId,
            @Schema(description = "Points in the period") long points) {
    }
}
