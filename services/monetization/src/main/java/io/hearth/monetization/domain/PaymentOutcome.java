package io.hearth.monetization.domain;

/** What the payment provider reports about an order's payment. */
public enum PaymentOutcome {
    SUCCEEDED, FAILED;

    /** The final status of an order this outcome settles. */
    public OrderStatus settles() {
        return this == SUCCEEDED ? OrderStatus.PAID : OrderStatus.FAILED;
    }
}
