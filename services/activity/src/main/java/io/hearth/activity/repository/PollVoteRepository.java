package io.hearth.activity.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.activity.domain.PollVoteOption;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PollVoteRepository implements PanacheRepositoryBase<PollVoteOption, PollVoteOption.Key> {
    /**
     * Writes the member's vote unless there is one. A concurrent vote of the same member waits for the other
     * transaction and then does nothing, so the row count tells who voted: a key, not a read-then-write.
     */
    private static final String INSERT_IF_ABSENT = "insert into poll_vote (community_id, poll_id, user_id, voted_at)"
            + " values (:community, :poll, :user, :at) on conflict (community_id, poll_id, user_id) do nothing";
    private static final String INSERT_OPTION = "insert into poll_vote_option"
            + " (community_id, poll_id, user_id, option_id) values (:community, :poll, :user, :option)";

    /** Records the vote with its options; false, writing nothing, if the member had voted in this poll already. */
    public Uni<Boolean> insertIfAbsent(UUID communityId, UUID pollId, String userId, List<UUID> optionIds,
            Instant at) {
        return getSession().chain(s -> s.createNativeQuery(INSERT_IF_ABSENT)
                .setParameter("community", communityId)
                .setParameter("poll", pollId)
                .setParameter("user", userId)
                .setParameter("at", at)
                .executeUpdate()
                .chain(rows -> rows == 0 ? Uni.createFrom().item(false)
                        : insertOptions(s, communityId, pollId, userId, optionIds, 0).replaceWith(true)));
    }

    private static Uni<Void> insertOptions(org.hibernate.reactive.mutiny.Mutiny.Session s, UUID communityId,
            UUID pollId, String userId, List<UUID> optionIds, int from) {
        if (from == optionIds.size()) {
            return Uni.createFrom().voidItem();
        }
        return s.createNativeQuery(INSERT_OPTION)
                .setParameter("community", communityId)
                .setParameter("poll", pollId)
                .setParameter("user", userId)
                .setParameter("option", optionIds.get(from))
                .executeUpdate()
                .chain(() -> insertOptions(s, communityId, pollId, userId, optionIds, from + 1));
    }

    /** What one member chose in these polls of the community (no rows for a poll they did not vote in). */
    public Uni<List<PollVoteOption>> choicesOf(UUID communityId, List<UUID> pollIds, String userId) {
        if (pollIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return getSession().chain(s -> s.createSelectionQuery("from PollVoteOption v where v.communityId = :community"
                + " and v.pollId in :polls and v.userId = :user", PollVoteOption.class)
                .setParameter("community", communityId)
                .setParameter("polls", pollIds)
                .setParameter("user", userId)
                .getResultList());
    }

    /** Votes per option of these polls; options nobody chose have no row. */
    public Uni<List<OptionTally>> tallies(UUID communityId, List<UUID> pollIds) {
        if (pollIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return getSession().chain(s -> s.createSelectionQuery("select new " + OptionTally.class.getName()
                + "(v.pollId, v.optionId, count(v)) from PollVoteOption v where v.communityId = :community"
                + " and v.pollId in :polls group by v.pollId, v.optionId", OptionTally.class)
                .setParameter("community", communityId)
                .setParameter("polls", pollIds)
                .getResultList());
    }

    /** Members who voted, per poll of these; polls nobody voted in have no row. */
    public Uni<List<VoterCount>> voterCounts(UUID communityId, List<UUID> pollIds) {
        if (pollIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return getSession().chain(s -> s.createSelectionQuery("select new " + VoterCount.class.getName()
                + "(v.pollId, count(distinct v.userId)) from PollVoteOption v where v.communityId = :community"
                + " and v.pollId in :polls group by v.pollId", VoterCount.class)
                .setParameter("community", communityId)
                .setParameter("polls", pollIds)
                .getResultList());
    }

    public record OptionTally(UUID pollId, UUID optionId, Long votes) {
    }

    public record VoterCount(UUID pollId, Long voters) {
    }
}
