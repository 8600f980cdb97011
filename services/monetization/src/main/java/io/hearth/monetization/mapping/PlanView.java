package io.hearth.monetization.mapping;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.contracts.events.Money;
import io.hearth.monetization.domain.Plan;

@Schema(description = "A plan members can order",
        requiredProperties = { "id", "communityId", "name", "price", "periodDays", "createdAt" })
public record PlanView(UUID id, UUID communityId, String name, @Schema(description = "Price of one period") Money price,
        @Schema(description = "How many days one payment gives access") int periodDays, Instant createdAt) {

    public static PlanView of(Plan plan) {
        return new PlanView(plan.id, plan.communityId, plan.name, new Money(plan.amountMinor, plan.currency),
                plan.periodDays, plan.createdAt);
    }
}
