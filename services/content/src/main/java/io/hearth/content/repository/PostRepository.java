package io.hearth.content.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.hearth.content.domain.Post;
import io.hearth.content.domain.PostKind;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PostRepository implements PanacheRepositoryBase<Post, Long> {

    /** The post with this id in this community, or null. */
    public Uni<Post> findInCommunity(UUID communityId, UUID postId) {
        return find("communityId = :community and id = :id",
                Parameters.with("community", communityId).and("id", postId)).firstResult();
    }

    /**
     * The same, locked for the rest of the transaction: a post's counters, answer and removal change one writer at a
     * time, so concurrent replies and reactions never lose a count.
     */
    public Uni<Post> lockInCommunity(UUID communityId, UUID postId) {
        return find("communityId = :community and id = :id",
                Parameters.with("community", communityId).and("id", postId))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /**
     * The community's standing (not removed) posts written before {@code beforeSeq}, newest first, optionally only
     * those tagged {@code topic}, of {@code kind}, or questions without an accepted answer; one more than
     * {@code limit} to tell if more follow.
     */
    public Uni<List<Post>> pageNewestFirst(UUID communityId, long beforeSeq, String topic, PostKind kind,
            boolean unanswered, int limit) {
        Parameters params = Parameters.with("community", communityId).and("before", beforeSeq);
        String query = "communityId = :community and seq < :before and removedAt is null";
        if (topic != null) {
            query += " and array_contains(topics, :topic)";
            params = params.and("topic", topic);
        }
        if (kind != null) {
            query += " and kind = :kind";
            params = params.and("kind", kind);
        }
        if (unanswered) {
            query += " and acceptedReplyId is null";
        }
        return find(query + " order by seq desc", params).range(0, limit).list();
    }
}
