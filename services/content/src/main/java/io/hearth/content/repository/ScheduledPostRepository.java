package io.hearth.content.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.content.domain.ScheduledPost;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ScheduledPostRepository implements PanacheRepositoryBase<ScheduledPost, Long> {
    /**
     * Due rows, oldest due first, locked for this transaction; rows another transaction holds (another instance
     * publishing them, staff cancelling them) are skipped rather than waited for.
     */
    private static final String CLAIM_DUE = "select * from scheduled_post where publish_at <= now()"
            + " order by publish_at, seq limit :limit for update skip locked";

    public Uni<List<ScheduledPost>> claimDue(int limit) {
        return Panache.getSession().chain(s -> s.createNativeQuery(CLAIM_DUE, ScheduledPost.class)
                .setParameter("limit", limit).getResultList());
    }

    /** The community's scheduled posts after {@code afterSeq}, in scheduling order; one more than {@code limit}. */
    public Uni<List<ScheduledPost>> page(UUID communityId, long afterSeq, int limit) {
        return find("communityId = :community and seq > :after order by seq",
                Parameters.with("community", communityId).and("after", afterSeq)).range(0, limit).list();
    }

    public Uni<ScheduledPost> findInCommunity(UUID communityId, UUID id) {
        return find("communityId = :community and id = :id", Parameters.with("community", communityId).and("id", id))
                .firstResult();
    }

    /** Deletes the scheduled post unless it was published or cancelled already; whether it did. */
    public Uni<Boolean> deleteInCommunity(UUID communityId, UUID id) {
        return delete("communityId = :community and id = :id",
                Parameters.with("community", communityId).and("id", id)).map(n -> n > 0);
    }

    public Uni<Long> countOfBroadcast(UUID broadcastId) {
        return count("broadcastId", broadcastId);
    }
}
