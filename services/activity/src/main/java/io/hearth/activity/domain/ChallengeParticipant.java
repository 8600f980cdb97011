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
 * A member taking part in a challenge: {@code checkIns} counts their check-ins on its days (those before the join
 * included); {@code completedAt} is when they reached its goal, null until then.
 */
@Entity
@Table(name = "challenge_participant")
@IdClass(ChallengeParticipant.Key.class)
public class ChallengeParticipant {
    @Id
    @Column(name = "community_id")
    public UUID communityId;

    @Id
    @Column(name = "challenge_id")
    public UUID challengeId;

    @Id
    @Column(name = "user_id")
    public String userId;

    @Column(name = "joined_at", nullable = false)
    public Instant joinedAt;

    @Column(name = "check_ins", nullable = false)
    public int checkIns;

    @Column(name = "completed_at")
    public Instant completedAt;

    public static class Key implements Serializable {
        public UUID communityId;
        public UUID challengeId;
        public String userId;

        public Key() {
        }

        public Key(UUID communityId, UUID challengeId, String userId) {
            this.communityId = communityId;
            this.challengeId = challengeId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.communityId.equals(communityId) && k.challengeId.equals(challengeId)
                    && k.userId.equals(userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(communityId, challengeId, userId);
        }
    }
}
