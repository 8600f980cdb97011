package io.hearth.membership.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "community")
public class Community {
    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String theme;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CommunityKind kind;

    @Column(name = "size_cap")
    public Integer sizeCap;

    /**
     * Current members; changed only by the conditional updates of CommunityRepository, never through this field (not
     * updatable, so that writing other settings back cannot overwrite a count a join changed meanwhile).
     */
    @Column(name = "member_count", nullable = false, updatable = false)
    public int memberCount;

    /** What members agree to; shown before they join. */
    public String rules;

    /** IANA zone the community's days are counted in. */
    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Admission admission;

    /** Up to five questions an APPROVAL community asks the people who apply. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> questions;

    @Column(name = "owner_id", nullable = false)
    public String ownerId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
