package io.hearth.content.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A post or reply a moderation rule refused. Written by BreachLog in a transaction of its own (JDBC), read here for
 * the staff's list.
 */
@Entity
@Table(name = "rule_breach")
public class RuleBreach {
    /** Order of recording; the paging cursor. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(nullable = false, unique = true)
    public UUID id;

    @Column(name = "community_id", nullable = false)
    public UUID communityId;

    @Column(name = "user_id", nullable = false)
    public String userId;

    /** The rule's name: blocked-word, link or flood. */
    @Column(nullable = false)
    public String rule;

    /** The blocked word (normalised) or the link found; null for flood. */
    public String matched;

    /** The author's breaches in the community in the 24 hours up to this one, this one included. */
    @Column(nullable = false)
    public int breaches;

    /** How long this breach asked membership to mute the author for; null when it did not. */
    @Column(name = "mute_minutes")
    public Integer muteMinutes;

    @Column(name = "breached_at", nullable = false)
    public Instant breachedAt;
}
