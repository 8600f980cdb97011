package io.hearth.membership.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A person's request to join a community that screens newcomers; see V6__application.sql. */
@Entity
@Table(name = "application")
public class Application {
    /** Order of arrival, the cursor of staff's list. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(nullable = false)
    public UUID id;

    @Column(name = "community_id", nullable = false)
    public UUID communityId;

    @Column(name = "user_id", nullable = false)
    public String userId;

    /** How the person was addressed when they applied; their membership gets it on approval. */
    @Column(name = "display_name")
    public String displayName;

    /** The community's questions as they were asked, so that a later change of them does not garble the answers. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> questions;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> answers;

    /** The entry they came through; the membership an approval makes is attributed to it. */
    @Column(name = "entry_code")
    public String entryCode;

    @Column(name = "visitor_id")
    public String visitorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ApplicationStatus status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    public String reason;
}
