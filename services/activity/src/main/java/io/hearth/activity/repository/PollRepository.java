package io.hearth.activity.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.hearth.activity.domain.Poll;
import io.hearth.activity.domain.PollOption;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PollRepository implements PanacheRepositoryBase<Poll, Long> {

    /** The poll with this id in this community, or null. */
    public Uni<Poll> findInCommunity(UUID communityId, UUID pollId) {
        return find("communityId = :community and id = :id", Parameters.with("community", communityId)
                .and("id", pollId)).firstResult();
    }

    /**
     * The same, locked for the rest of the transaction: {@code PESSIMISTIC_READ} (for share) by voters, who may vote
     * side by side, {@code PESSIMISTIC_WRITE} by staff closing it, who then wait for votes under way and hold off new
     * ones, so that no vote lands after the close committed.
     */
    public Uni<Poll> lockInCommunity(UUID communityId, UUID pollId, LockModeType mode) {
        return find("communityId = :community and id = :id", Parameters.with("community", communityId)
                .and("id", pollId)).withLock(mode).firstResult();
    }

    /** The community's polls created before {@code beforeSeq}, newest first; one more than {@code limit}. */
    public Uni<List<Poll>> pageNewestFirst(UUID communityId, long beforeSeq, int limit) {
        return find("communityId = :community and seq < :before order by seq desc",
                Parameters.with("community", communityId).and("before", beforeSeq)).range(0, limit).list();
    }

    /** The options of these polls of the community, each poll's in the order staff gave them. */
    public Uni<List<PollOption>> options(UUID communityId, List<UUID> pollIds) {
        if (pollIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return getSession().chain(s -> s.createSelectionQuery("from PollOption o where o.communityId = :community"
                + " and o.pollId in :polls order by o.pollId, o.position", PollOption.class)
                .setParameter("community", communityId)
                .setParameter("polls", pollIds)
                .getResultList());
    }

    public Uni<Void> persistOptions(List<PollOption> options) {
        return getSession().chain(s -> s.persistAll(options.toArray()));
    }
}
