package io.hearth.membership.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A way into a community; its code goes into invite links, referral links and live codes. */
@Entity
@Table(name = "entry")
public class Entry {
    @Id
    public String code;

    @Column(name = "community_id", nullable = false)
    public UUID communityId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EntryChannel channel;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The operator's label for where the entry is published (poster, article, partner-acme, ...). */
    public String source;

    /** When it stops taking joins; null for never. */
    @Column(name = "expires_at")
    public Instant expiresAt;

    /** The most joins it takes; null for no limit. */
    @Column(name = "max_uses")
    public Integer maxUses;

    /** Joins through it so far; changed only by EntryRepository's conditional update, never through this field. */
    @Column(nullable = false)
    public int uses;

    public boolean expired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public boolean usedUp() {
        return maxUses != null && uses >= maxUses;
    }
}
