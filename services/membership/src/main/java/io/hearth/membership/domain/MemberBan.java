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

/** Staff removed a person and banned them: they cannot join the community again until the ban is lifted. */
@Entity
@Table(name = "member_ban")
@IdClass(MemberBan.Key.class)
public class MemberBan {
    @Id
    @Column(name = "community_id")
    public UUID communityId;

    @Id
    @Column(name = "user_id")
    public String userId;

    public String reason;

    @Column(name = "banned_by", nullable = false)
    public String bannedBy;

    @Column(name = "banned_at", nullable = false)
    public Instant bannedAt;

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
