package io.hearth.activity.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * A lottery of a community. {@code seed} stays secret until {@code drawnAt} is set; {@code commitment}, the hex SHA-256
 * of its 32 bytes, is public from the start, so the seed cannot be chosen after the eligible members are known.
 */
@Entity
@Table(name = "lottery")
@IdClass(Lottery.Key.class)
public class Lottery {
    @Id
    @Column(name = "community_id")
    public UUID communityId;

    @Id
    public UUID id;

    /** Creation order in the community, the list's cursor; the database draws it. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(nullable = false)
    public String prize;

    @Column(nullable = false)
    public int winners;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Eligibility eligibility;

    /** For CHECKED_IN: at least this many check-ins ... */
    @Column(name = "min_check_ins")
    public Integer minCheckIns;

    /** ... on days within the last this many days (today included) at the draw. */
    @Column(name = "within_days")
    public Integer withinDays;

    @Column(name = "draw_at", nullable = false)
    public Instant drawAt;

    @Column(nullable = false)
    public byte[] seed;

    @Column(nullable = false)
    public String commitment;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "drawn_at")
    public Instant drawnAt;

    @Column(name = "eligible_count")
    public Integer eligibleCount;

    public boolean drawn() {
        return drawnAt != null;
    }

    public static class Key implements Serializable {
        public UUID communityId;
        public UUID id;

        public Key() {
        }

        public Key(UUID communityId, UUID id) {
            this.communityId = communityId;
            this.id = id;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.communityId.equals(communityId) && k.id.equals(id);
        }

        @Override
        public int hashCode() {
            return Objects.hash(communityId, id);
        }
    }
}
