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

/** A reminder still to send to an event's registered members, {@code hoursBefore} its start. */
@Entity
@Table(name = "event_reminder")
@IdClass(EventReminder.Key.class)
public class EventReminder {
    @Id
    @Column(name = "community_id")
    public UUID communityId;

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Id
    @Column(name = "hours_before")
    public int hoursBefore;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    public static class Key implements Serializable {
        public UUID communityId;
        public UUID eventId;
        public int hoursBefore;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.communityId.equals(communityId) && k.eventId.equals(eventId)
                    && k.hoursBefore == hoursBefore;
        }

        @Override
        public int hashCode() {
            return Objects.hash(communityId, eventId, hoursBefore);
        }
    }
}
