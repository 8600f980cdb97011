package io.hearth.contracts.events;

import java.util.List;

/** The entitlement an order gave ends now: its subscription expired or its payment was fully refunded. */
public record EntitlementRevoked(String communityId, String userId, String orderId, String planId,
        List<PlanGrant> grants, Reason reason) implements EventData {

    public enum Reason {
        EXPIRED, TRIAL_LAPSED, REFUNDED
    }
}
