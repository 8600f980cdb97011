package io.hearth.content.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** That a person marked an announcement read, and when; once per person and announcement. */
@Entity
@Table(name = "announcement_read")
@IdClass(AnnouncementReceipt.Key.class)
public class AnnouncementReceipt {
    @Id
    @Column(name = "community_id")
    public UUID communityId;

    @Id
    @Column(name = "announcement_id")
    public UUID announcementId;

    @Id
    @Column(name = "user_id")
    public String userId;

    @Column(name = "read_at", nullable = false)
    public Instant readAt;

    public static class Key implements Serializable {
        public UUID communityId;
        public UUID announcementId;
        public String userId;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.communityId, communityId)
                    && Objects.equals(k.announcementId, announcementId) && Objects.equals(k.userId, userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(communityId, announcementId, userId);
        }
    }
}
