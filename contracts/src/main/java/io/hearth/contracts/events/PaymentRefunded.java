package io.hearth.contracts.events;

/**
 * The provider settled a refund of an order: {@code amount} now, {@code refundedTotal} of {@code paidTotal} over the
 * order's life; {@code full} when everything paid has been refunded (the entitlement ends).
 */
public record PaymentRefunded(String communityId, String orderId, String refundId, String planId, String buyerId,
        Money amount, long refundedTotalMinor, long paidTotalMinor, boolean full, String reason,
        String providerReference) implements EventData {
}
