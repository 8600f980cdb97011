package io.hearth.contracts.events;

/**
 * A refund within the window took back {@code amount} of a held commission, in proportion to the share refunded;
 * {@code remaining} is what is still held.
 */
public record CommissionClawedBack(String communityId, String commissionId, String referrerId, String orderId,
        Money amount, Money remaining) implements EventData {
}
