package io.hearth.membership.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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

    /** Current members; changed only by the conditional updates of CommunityRepository, never through this field. */
    @Column(name = "member_count", nullable = false)
    public int memberCount;

    @Column(name = "owner_id", nullable = false)
    public String ownerId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
