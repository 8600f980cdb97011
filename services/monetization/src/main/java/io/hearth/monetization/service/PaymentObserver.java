package io.hearth.monetization.service;

import java.time.Instant;
import java.util.UUID;

import io.hearth.monetization.domain.Plan;
import io.hearth.monetization.domain.PlanOrder;
import io.smallrye.mutiny.Uni;

/**
 * What else follows, in the same transaction, when the provider confirms that money moved on an order: subscriptions
 * and entitlements, referral commissions. {@link PaymentService} calls every observer once per confirmed charge, failed
 * renewal or settled refund, and never for a repeated callback.
 */
public interface PaymentObserver {

    enum ChargeKind {
        /** The order's checkout: its first payment (0 for a trial's start). */
        PURCHASE,
        /** A recurring order charged for another period. */
        RENEWAL
    }

    record Charge(PlanOrder order, Plan plan, ChargeKind kind, long amountMinor, String providerReference, Instant at) {
    }

    record RefundSettled(PlanOrder order, Plan plan, UUID refundId, long amountMinor, long refundedTotalMinor,
            long paidTotalMinor, Instant at) {

        /** Everything paid on the order has now been refunded. */
        public boolean full() {
            return refundedTotalMinor >= paidTotalMinor;
        }
    }

    default Uni<Void> charged(Charge charge) {
        return Uni.createFrom().voidItem();
    }

    default Uni<Void> renewalFailed(PlanOrder order, Plan plan, String providerReference, Instant at) {
        return Uni.createFrom().voidItem();
    }

    default Uni<Void> refunded(RefundSettled refund) {
        return Uni.createFrom().voidItem();
    }
}
