package io.hearth.contracts.events;

import java.time.Instant;

/**
 * The provider charged a subscription for another period ({@code amount}); {@code trialConversion} when this was the
 * first charge after a trial.
 */
public record SubscriptionRenewed(String communityId, String subscriptionId, String orderId, String planId,
        String buyerId, Money amount, Instant currentPeriodEnd, boolean trialConversion) implements EventData {
}
