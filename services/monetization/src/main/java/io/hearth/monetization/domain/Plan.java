package io.hearth.monetization.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Something a community offers for money: a price for a period of access. */
@Entity
@Table(name = "plan")
public class Plan {
    @Id
    public UUID id;

    /** Creation order, assigned by the database; the cursor of plan lists. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "community_id", nullable = false)
    public UUID communityId;

    @Column(nullable = false)
    public String name;

    @Column(name = "amount_minor", nullable = false)
    public long amountMinor;

    @Column(nullable = false)
    public String currency;

    @Column(name = "period_days", nullable = false)
    public int periodDays;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
