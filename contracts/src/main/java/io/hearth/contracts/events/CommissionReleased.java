package io.hearth.contracts.events;

/** A held commission's refund window closed: {@code amount} is AVAILABLE to its referrer. */
public record CommissionReleased(String communityId, String commissionId, String referrerId, Money amount)
        implements EventData {
}
