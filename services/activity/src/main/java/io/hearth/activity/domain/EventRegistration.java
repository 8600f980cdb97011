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

/** A member's place at an event, or their place in its waitlist; {@code seq} is the order of registration. */
@Entity
@Table(name = "event_registration")
@IdClass(EventRegistration.Key.class)
public class EventRegistration {
    @Id
    @Column(name = "community_id")
    public UUID communityId;

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Id
    @Column(name = "user_id")
    public String userId;

    /** Drawn by the database on insert, under the event's lock, so it is the order of registration. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RegistrationStatus status;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    /** When a cancellation gave this waitlisted member a place; null if they got one on registering. */
    @Column(name = "promoted_at")
    public Instant promotedAt;

    @Column(name = "attended_at")
    public Instant attendedAt;

    public static class Key implements Serializable {
        public UUID communityId;
        public UUID eventId;
        public String userId;

        public Key() {
        }

        public Key(UUID communityId, UUID eventId, String userId) {
            this.communityId = communityId;
            this.eventId = eventId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.communityId.equals(communityId) && k.eventId.equals(eventId)
                    && k.userId.equals(userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(communityId, eventId, userId);
        }
    }
}
