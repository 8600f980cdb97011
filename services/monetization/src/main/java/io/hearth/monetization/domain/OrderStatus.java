package io.hearth.monetization.domain;

/** Where an order stands: PENDING until the provider's callback settles it; PAID and FAILED are final. */
public enum OrderStatus {
    PENDING, PAID, FAILED
}
