package io.hearth.content.domain;

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

/** One moderation action in a community's content audit; see V3__reactions_and_moderation_audit.sql. */
@Entity
@Table(name = "moderation_audit_entry")
public class ModerationAuditEntry {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "community_id", nullable = false)
    public UUID communityId;

    @Column(nullable = false)
    public Instant at;

    @Column(name = "actor_id", nullable = false)
    public String actorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ModerationAction action;

    @Column(name = "post_id")
    public UUID postId;

    @Column(name = "reply_id")
    public UUID replyId;

    @Column(name = "author_id")
    public String authorId;

    public String reason;

    public String details;
}
