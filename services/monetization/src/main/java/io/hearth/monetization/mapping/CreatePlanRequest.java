package io.hearth.monetization.mapping;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CreatePlanRequest(
        @NotBlank @Size(max = 120) @Schema(examples = "Monthly circle") String name,
        @NotNull @Valid PriceRequest price,
        @NotNull @Min(1) @Max(3650) @Schema(description = "How many days one payment gives access", examples = "30")
        Integer periodDays) {
}
