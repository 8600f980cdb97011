package io.hearth.contracts.events;

/** Where a recurring plan's subscription stands. */
public enum SubscriptionStatus {
    TRIALING, ACTIVE, PAST_DUE, EXPIRED
}
