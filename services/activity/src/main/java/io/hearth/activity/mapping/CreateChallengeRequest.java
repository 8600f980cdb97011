package io.hearth.activity.mapping;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new challenge; the rules between the fields (goal within days, no start in the past) are the service's: 422. */
public record CreateChallengeRequest(
        @NotBlank @Size(max = 200) @Schema(description = "What the challenge is called, at most 200 characters",
                examples = "21 days of morning pages") String name,
        @NotNull @Schema(description = "Its first day, a calendar day in the community's time zone: today or later "
                + "(earlier is refused with 422)", examples = "2026-12-01") LocalDate startsOn,
        @NotNull @Schema(description = "How many days it lasts, 1 to 366 (otherwise 422)", examples = "21")
        Integer days,
        @NotNull @Schema(description = "On how many of its days a participant must check in to complete it, 1 to "
                + "days (otherwise 422)", examples = "18") Integer goal) {
}
