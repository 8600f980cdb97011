package io.hearth.activity.mapping;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.activity.domain.Eligibility;

@Schema(name = "LotteryEligibility", description = "Who may win, decided at the draw: every current member "
        + "(ALL_MEMBERS), or the current members with at least minCheckIns check-ins on days within the last "
        + "withinDays days, today included, in the community's time zone (CHECKED_IN)", requiredProperties = "kind")
public record EligibilityRule(
        @NotNull @Schema(description = "ALL_MEMBERS or CHECKED_IN") Eligibility kind,
        @Min(1) @Max(366) @Schema(description = "For CHECKED_IN (and only then): the fewest check-ins, 1 to "
                + "withinDays", examples = "5") Integer minCheckIns,
        @Min(1) @Max(366) @Schema(description = "For CHECKED_IN (and only then): how many days back the check-ins "
                + "count, 1 to 366, today at the draw being the last of them", examples = "7") Integer withinDays) {
}
