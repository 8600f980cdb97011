package io.hearth.platform.access;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.hearth.contracts.events.CommunityRole;

/** A member of a community as this service knows it from membership's events. */
@Entity
@Table(name = "community_member_replica")
@IdClass(ReplicatedMember.Key.class)
public class ReplicatedMember {
    @Id
    @Column(name = "community_id")
    public String communityId;

    @Id
    @Column(name = "user_id")
    public String userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CommunityRole role;

    @Column(name = "joined_at", nullable = false)
    public Instant joinedAt;

    /** Until when staff muted the member; null when not muted. Past instants are mutes that ran out. */
    @Column(name = "muted_until")
    public Instant mutedUntil;

    public static class Key implements Serializable {
        public String communityId;
        public String userId;

        public Key() {
        }

        public Key(String communityId, String userId) {
            this.communityId = communityId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.communityId.equals(communityId) && k.userId.equals(userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(communityId, userId);
        }
    }
}
