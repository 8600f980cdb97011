package io.hearth.contracts.events;

import java.time.Instant;

/** A renewal charge failed or has not come; access continues until graceEndsAt, then the subscription expires. */
public record SubscriptionPastDue(String communityId, String subscriptionId, String orderId, String planId,
        String buyerId, Instant graceEndsAt) implements EventData {
}
