package io.hearth.activity.mapping;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(requiredProperties = { "prize", "winners", "eligibility", "drawAt" })
public record CreateLotteryRequest(
        @NotBlank @Size(max = 200) @Schema(description = "What the winners get, at most 200 characters",
                examples = "A signed copy of the club's running guide") String prize,
        @NotNull @Min(1) @Max(1000) @Schema(description = "How many win, 1 to 1000; when fewer are eligible, all of "
                + "them win", examples = "3") Integer winners,
        @NotNull @Valid EligibilityRule eligibility,
        @NotNull @Schema(description = "When it is drawn: in the future and at most 366 days ahead",
                examples = "2026-11-30T12:00:00Z") Instant drawAt) {
}
