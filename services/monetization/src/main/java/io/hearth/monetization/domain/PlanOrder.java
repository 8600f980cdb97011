package io.hearth.monetization.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A member's order of a plan, at the plan's price when ordered. */
@Entity
@Table(name = "plan_order")
public class PlanOrder {
    @Id
    public UUID id;

    @Column(name = "community_id", nullable = false)
    public UUID communityId;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(name = "buyer_id", nullable = false)
    public String buyerId;

    @Column(name = "amount_minor", nullable = false)
    public long amountMinor;

    @Column(nullable = false)
    public String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrderStatus status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "paid_at")
    public Instant paidAt;

    @Column(name = "failed_at")
    public Instant failedAt;

    @Column(name = "provider_reference")
    public String providerReference;
}
