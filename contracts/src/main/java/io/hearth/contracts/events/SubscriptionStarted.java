package io.hearth.contracts.events;

import java.time.Instant;

/** A recurring plan's first checkout completed: TRIALING until the trial ends, or ACTIVE until currentPeriodEnd. */
public record SubscriptionStarted(String communityId, String subscriptionId, String orderId, String planId,
        String buyerId, SubscriptionStatus status, Instant currentPeriodEnd) implements EventData {
}
