package io.hearth.activity.mapping;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.activity.domain.Challenge;

@Schema(description = "A challenge: check in on goal of its days, from startsOn to endsOn (both included, calendar "
        + "days in the community's time zone)", requiredProperties = { "id", "communityId", "name", "startsOn",
                "endsOn", "days", "goal", "createdBy", "createdAt" })
public record ChallengeView(UUID id, UUID communityId, String name,
        @Schema(description = "Its first day", examples = "2026-12-01") LocalDate startsOn,
        @Schema(description = "Its last day: startsOn + days - 1", examples = "2026-12-21") LocalDate endsOn,
        @Schema(description = "How many days it lasts") int days,
        @Schema(description = "Check-ins on its days that complete it") int goal,
        @Schema(description = "The staff member who created it") String createdBy,
        Instant createdAt) {

    public static ChallengeView of(Challenge c) {
        return new ChallengeView(c.id, c.communityId, c.name, c.startsOn, c.endsOn, c.days, c.goal, c.createdBy,
                c.createdAt);
    }
}
