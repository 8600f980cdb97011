package io.hearth.activity.mapping;

import java.time.Instant;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.activity.domain.CheckIn;

@Schema(description = "One member's check-in of the day, as staff see it in the day's list",
        requiredProperties = { "userId", "day", "streak", "checkedInAt" })
public record DayCheckInView(
        @Schema(description = "Keycloak subject (user id) of the member who checked in") String userId,
        @Schema(description = "The community's calendar day (in its time zone) the check-in counts for",
                examples = "2026-11-21") LocalDate day,
        @Schema(description = "Consecutive days, ending with this one, on which the member checked in") int streak,
        @Schema(description = "When the check-in was recorded") Instant checkedInAt) {

    public static DayCheckInView of(CheckIn checkIn) {
        return new DayCheckInView(checkIn.userId, checkIn.day, checkIn.streak, checkIn.checkedInAt);
    }
}
