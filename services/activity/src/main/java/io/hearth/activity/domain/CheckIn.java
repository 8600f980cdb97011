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

/** A member's check-in for one calendar day (UTC); {@code streak} is the run of consecutive days it ends. */
@Entity
@Table(name = "check_in")
@IdClass(CheckIn.Key.class)
public class CheckIn {
    @Id
    @Column(name = "community_id")
    public UUID communityId;

    @Id
    @Column(name = "user_id")
    public String userId;

    @Id
    public LocalDate day;

    @Column(nullable = false)
    public int streak;

    @Column(name = "checked_in_at", nullable = false)
    public Instant checkedInAt;

    public static class Key implements Serializable {
        public UUID communityId;
        public String userId;
        public LocalDate day;

        public Key() {
        }

        public Key(UUID communityId, String userId, LocalDate day) {
            this.communityId = communityId;
            this.userId = userId;
            this.day = day;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.communityId.equals(communityId) && k.userId.equals(userId)
                    && k.day.equals(day);
        }

        @Override
        public int hashCode() {
            return Objects.hash(communityId, userId, day);
        }
    }
}
