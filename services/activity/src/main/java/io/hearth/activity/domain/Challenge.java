package io.hearth.activity.domain;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * A challenge staff set: check in on {@code goal} of the {@code days} days from {@code startsOn} to {@code endsOn}
 * (calendar days in the community's time zone, both included).
 */
@Entity
@Table(name = "challenge")
@IdClass(Challenge.Key.class)
public class Challenge {
    @Id
    @Column(name = "community_id")
    public UUID communityId;

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    @Column(nullable = false)
    public int days;

    @Column(nullable = false)
    public int goal;

    @Column(name = "ends_on", nullable = false)
    public LocalDate endsOn;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

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
