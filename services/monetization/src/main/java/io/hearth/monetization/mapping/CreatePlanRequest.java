package io.hearth.monetization.mapping;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.contracts.events.GrantKind;
import io.hearth.contracts.events.PlanGrant;

public record CreatePlanRequest(
        @NotBlank @Size(max = 120) @Schema(examples = "Monthly circle") String name,
        @NotNull @Valid PriceRequest price,
        @Min(1) @Max(3650) @Schema(description = "Days one payment covers; the plan renews every period. Absent for "
                + "a one-off purchase", examples = "30") Integer periodDays,
        @Min(0) @Max(365) @Schema(description = "Free days before the first charge of a recurring plan (default 0)",
                examples = "7") Integer trialDays,
        @Min(0) @Max(10000) @Schema(description = "Share of each payment a referrer earns, in basis points "
                + "(1,000 = 10%; default 0)", examples = "1000") Integer commissionRateBps,
        @Size(min = 1, max = 20) @Schema(description = "What a payment entitles its buyer to (default: the whole "
                + "community)") List<@NotNull PlanGrant> grants,
        @Valid @Schema(description = "The owner's reason to offer a paid plan before the community has earned trust")
        TrustOverride trustOverride) {

    /** The owner's stated reason for passing the trust gate. */
    public record TrustOverride(@NotBlank @Size(max = 500) @Schema(examples = "Relaunch of a circle that ran "
            + "for two years elsewhere") String reason) {
    }

    public int trialDaysOrDefault() {
        return trialDays == null ? 0 : trialDays;
    }

    public int commissionRateBpsOrDefault() {
        return commissionRateBps == null ? 0 : commissionRateBps;
    }

    public List<PlanGrant> grantsOrDefault() {
        return grants == null ? List.of(new PlanGrant(GrantKind.COMMUNITY, null)) : grants;
    }
}
