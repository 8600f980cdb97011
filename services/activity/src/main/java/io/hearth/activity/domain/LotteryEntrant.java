package io.hearth.activity.domain;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One eligible member of a drawn lottery: their score and its rank (1 = lowest score); written once, by the draw. */
@Entity
@Table(name = "lottery_entrant")
@IdClass(LotteryEntrant.Key.class)
public class LotteryEntrant {
    @Id
    @Column(name = "community_id")
    public UUID communityId;

    @Id
    @Column(name = "lottery_id")
    public UUID lotteryId;

    @Id
    public int rank;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(nullable = false)
    public String score;

    public static class Key implements Serializable {
        public UUID communityId;
        public UUID lotteryId;
        public int rank;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.communityId.equals(communityId) && k.lotteryId.equals(lotteryId)
                    && k.rank == rank;
        }

        @Override
        public int hashCode() {
            return Objects.hash(communityId, lotteryId, rank);
        }
    }
}
