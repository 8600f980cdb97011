package io.hearth.activity.mapping;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A member's check-in streak and totals in a community", requiredProperties = { "communityId",
        "userId", "currentStreak", "longestStreak", "totalDays", "checkedInToday" })
public record StreakView(UUID communityId, String userId,
        @Schema(description = "The run of consecutive days ending today, or ending yesterday if today is not "
                + "checked in yet (a check-in today still extends it); 0 once a whole day has been missed")
        int currentStreak,
        @Schema(description = "The longest run of consecutive check-in days so far") int longestStreak,
        @Schema(description = "Number of distinct days checked in") long totalDays,
        @Schema(description = "The last day checked in (a calendar day in the community's time zone); "
                + "absent if never") LocalDate lastDay,
        @Schema(description = "Whether today, in the community's time zone, is checked in") boolean checkedInToday) {
}
