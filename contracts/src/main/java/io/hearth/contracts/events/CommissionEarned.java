package io.hearth.contracts.events;

import java.time.Instant;

/**
 * A payment by a buyer a member referred (first touch) earned that referrer {@code amount}, HELD until
 * {@code availableAt}, when the refund window closes.
 */
public record CommissionEarned(String communityId, String commissionId, String referrerId, String buyerId,
        String orderId, Money amount, Instant availableAt) implements EventData {
}
