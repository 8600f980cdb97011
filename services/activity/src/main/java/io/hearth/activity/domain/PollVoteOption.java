package io.hearth.activity.domain;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** An option a member's vote chose; a vote of a multiple-choice poll has one row per option. */
@Entity
@Table(name = "poll_vote_option")
@IdClass(PollVoteOption.Key.class)
public class PollVoteOption {
    @Id
    @Column(name = "community_id")
    public UUID communityId;

    @Id
    @Column(name = "poll_id")
    public UUID pollId;

    @Id
    @Column(name = "user_id")
    public String userId;

    @Id
    @Column(name = "option_id")
    public UUID optionId;

    public static class Key implements Serializable {
        public UUID communityId;
        public UUID pollId;
        public String userId;
        public UUID optionId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.communityId.equals(communityId) && k.pollId.equals(pollId)
                    && k.userId.equals(userId) && k.optionId.equals(optionId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(communityId, pollId, userId, optionId);
        }
    }
}
