package io.hearth.contracts.events;

/** A pending order whose payment never came (the provider confirmed none) expired; it can no longer be paid. */
public record OrderExpired(String communityId, String orderId, String planId, String buyerId) implements EventData {
}
