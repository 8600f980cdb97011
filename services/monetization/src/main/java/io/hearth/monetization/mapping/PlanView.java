package io.hearth.monetization.mapping;

import java.time.Instant;
import java.util.UUID;

import io.hearth.contracts.events.Money;
import io.hearth.monetization.domain.Plan;

public record PlanView(UUID id, UUID communityId, String name, Money price, int periodDays, Instant createdAt) {

    public static PlanView of(Plan plan) {
        return new PlanView(plan.id, plan.communityId, plan.name, new Money(plan.amountMinor, plan.currency),
                plan.periodDays, plan.createdAt);
    }
}
