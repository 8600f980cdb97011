package io.hearth.content.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Joins that share one welcome: those whose time falls in [startedAt, dueAt). Posted once, when due, by
 * {@code WelcomeScheduler}; {@link #postedAt} set means done ({@link #postId} null when the welcome had been turned off).
 */
@Entity
@Table(name = "welcome_burst")
public class WelcomeBurst {
    @Id
    public UUID id;

    @Column(name = "community_id", nullable = false)
    public UUID communityId;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(name = "posted_at")
    public Instant postedAt;

    @Column(name = "post_id")
    public UUID postId;
}
