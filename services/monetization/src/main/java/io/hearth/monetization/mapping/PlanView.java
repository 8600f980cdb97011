package io.hearth.monetization.mapping;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.contracts.events.Money;
import io.hearth.contracts.events.PlanGrant;
import io.hearth.monetization.domain.Plan;

@Schema(description = "A plan members can order", requiredProperties = { "id", "communityId", "name", "price",
        "trialDays", "commissionRateBps", "grants", "createdAt" })
public record PlanView(UUID id, UUID communityId, String name,
        @Schema(description = "Price of one period, or of the one-off purchase") Money price,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Days one payment covers; absent for a "
                + "one-off purchase") Integer periodDays,
        @Schema(description = "Free days before the first charge (0 = none)") int trialDays,
        @Schema(description = "Share of each payment a referrer earns, in basis points") int commissionRateBps,
        @Schema(description = "What a payment entitles its buyer to") List<PlanGrant> grants, Instant createdAt) {

    public static PlanView of(Plan plan) {
        return new PlanView(plan.id, plan.communityId, plan.name, new Money(plan.amountMinor, plan.currency),
                plan.periodDays, plan.trialDays, plan.commissionRateBps, plan.grantList(), plan.createdAt);
    }
}
