package io.hearth.contracts.events;

/** A subscription ended: not renewed by the end of its grace period, a trial not converted, or fully refunded. */
public record SubscriptionExpired(String communityId, String subscriptionId, String orderId, String planId,
        String buyerId, Reason reason) implements EventData {

    public enum Reason {
        LAPSED, TRIAL_LAPSED, REFUNDED
    }
}
