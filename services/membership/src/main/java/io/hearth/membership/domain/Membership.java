package io.hearth.membership.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.hearth.contracts.events.CommunityRole;

/** One stay of a person in a community, from join to leave; a rejoin is a new stay. */
@Entity
@Table(name = "membership")
public class Membership {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "community_id", nullable = false)
    public UUID communityId;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CommunityRole role;

    @Column(name = "joined_at", nullable = false)
    public Instant joinedAt;

    @Column(name = "entry_code")
    public String entryCode;

    @Enumerated(EnumType.STRING)
    public EntryChannel channel;

    @Column(name = "referrer_id")
    public String referrerId;

    /** How the person was addressed when they joined (token name or username). */
    @Column(name = "display_name")
    public String displayName;

    /** The operator's label of the entry or live code they came through. */
    public String source;

    /** The anonymous visitor who opened the entry before joining, tying the opening to the join. */
    @Column(name = "visitor_id")
    public String visitorId;

    @Column(name = "live_code")
    public String liveCode;

    @Column(name = "left_at")
    public Instant leftAt;
}
