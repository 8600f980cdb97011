package io.hearth.monetization.provider;

import java.net.URI;
import java.util.UUID;

import io.hearth.monetization.domain.PlanOrder;
import io.smallrye.mutiny.Uni;

/**
 * The payment provider as Hearth calls it; the implementation and a local simulator of the provider are still to come.
 * Every outcome comes back later through the signed webhook, never as the answer to these calls.
 */
public interface PaymentProvider {

    /** Where the buyer pays the order: the provider's hosted checkout page for its id, amount and currency. */
    URI checkoutUrl(PlanOrder order);

    /** Asks the provider to charge a recurring order {@code amountMinor} for its next period (webhook RENEWED or FAILED). */
    Uni<Void> requestRenewal(PlanOrder order, UUID renewalId, long amountMinor);

    /** Asks the provider to refund {@code amountMinor} of what the order was paid (webhook REFUNDED). */
    Uni<Void> requestRefund(PlanOrder order, UUID refundId, long amountMinor);

    /** What the provider knows of the order's checkout: whether it was ever paid. */
    Uni<ProviderPayment> lookup(PlanOrder order);

    /** The provider's record of an order's checkout. */
    record ProviderPayment(boolean paid, String providerReference, long amountMinor, String currency) {
    }
}
