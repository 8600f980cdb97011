package io.hearth.activity.mapping;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.activity.domain.PointsAction;

@Schema(description = "The caller's points in a community: all time, per period with their rank, and per action",
        requiredProperties = { "communityId", "userId", "total", "periods", "breakdown" })
public record MyPointsView(UUID communityId, String userId,
        @Schema(description = "Points of all time") long total,
        @Schema(description = "The caller's rank among current members by points of all time; absent with no points")
        Long rank,
        @Schema(description = "Points and rank in each period: 7d, 30d and all") List<PeriodPoints> periods,
        @Schema(description = "Points of all time per action that earned any, with how many actions stand (an "
                + "action whose points were taken back no longer counts)") List<ActionPoints> breakdown) {

    @Schema(description = "The caller's points in one period", requiredProperties = { "period", "points" })
    public record PeriodPoints(
            @Schema(description = "7d, 30d or all", examples = "7d") String period,
            @Schema(description = "Points of actions in the period") long points,
            @Schema(description = "Rank on the period's leaderboard; absent with no points in it") Long rank) {
    }

    @Schema(description = "Points one kind of action earned the caller", requiredProperties = { "action", "count",
            "points" })
    public record ActionPoints(PointsAction action,
            @Schema(description = "How many such actions earned points and still stand") long count,
            @Schema(description = "Points they earned, at the rates when each was booked") long points) {
    }
}
