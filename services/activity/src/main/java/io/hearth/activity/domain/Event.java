package io.hearth.activity.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * A meetup at a {@code location} or an online session at a {@code url} (exactly one), with a capacity. The counts of
 * registered and waitlisted members change only while the row is locked (see the migration).
 */
@Entity
@Table(name = "event")
@IdClass(Event.Key.class)
public class Event {
    @Id
    @Column(name = "community_id")
    public UUID communityId;

    @Id
    public UUID id;

    /** Drawn by the database on insert: the list's tie-breaker and cursor; not known to the inserting session. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(nullable = false)
    public String title;

    public String description;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    @Column(nullable = false)
    public int capacity;

    public String location;

    public String url;

    @Column(nullable = false)
    public int registered;

    @Column(nullable = false)
    public int waitlisted;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public boolean online() {
        return url != null;
    }

    public int placesLeft() {
        return capacity - registered;
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
