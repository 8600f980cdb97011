package io.hearth.activity.mapping;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.activity.domain.CheckIn;

@Schema(description = "A day's check-in",
        requiredProperties = { "communityId", "userId", "day", "streak", "counted", "checkedInAt" })
public record CheckInView(UUID communityId, String userId,
        @Schema(description = "The calendar day, in the community's time zone (UTC until one is set), the "
                + "check-in counts for", examples = "2026-11-21") LocalDate day,
        @Schema(description = "Consecutive days, ending with this one, on which the member checked in") int streak,
        @Schema(description = "True if this request recorded the day's check-in; false if the day was already "
                + "checked in, which changes nothing") boolean counted,
        @Schema(description = "When the day's check-in was recorded") Instant checkedInAt) {

    public static CheckInView of(CheckIn checkIn, boolean counted) {
        return new CheckInView(checkIn.communityId, checkIn.userId, checkIn.day, checkIn.streak, counted,
                checkIn.checkedInAt);
    }
}
