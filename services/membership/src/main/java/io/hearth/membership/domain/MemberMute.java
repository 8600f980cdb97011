package io.hearth.membership.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** Staff muted a member until {@link #until}: they may read, but not write, in the community until then. */
@Entity
@Table(name = "member_mute")
@IdClass(MemberMute.Key.class)
public class MemberMute {
    @Id
    @Column(name = "community_id")
    public UUID communityId;

    @Id
    @Column(name = "user_id")
    public String userId;

    @Column(nullable = false)
    public Instant until;

    public String reason;

    @Column(name = "muted_by", nullable = false)
    public String mutedBy;

    @Column(name = "muted_at", nullable = false)
    public Instant mutedAt;

    public static class Key implements Serializable {
        public UUID communityId;
        public String userId;

        public Key() {
        }

        public Key(UUID communityId, String userId) {
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
