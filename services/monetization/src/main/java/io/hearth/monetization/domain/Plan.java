package io.hearth.monetization.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.hearth.contracts.events.PlanGrant;

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

    /** Days one payment covers; null for a one-off purchase. */
    @Column(name = "period_days")
    public Integer periodDays;

    @Column(name = "trial_days", nullable = false)
    public int trialDays;

    @Column(name = "commission_rate_bps", nullable = false)
    public int commissionRateBps;

    /** What a payment entitles its buyer to, as {@link PlanGrants} tokens. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> grants;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public boolean recurring() {
        return periodDays != null;
    }

    public List<PlanGrant> grantList() {
        return PlanGrants.parse(grants);
    }
}
