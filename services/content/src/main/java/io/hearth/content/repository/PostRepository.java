package io.hearth.content.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.content.domain.Post;
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
     * The community's posts written before {@code beforeSeq}, newest first, optionally only those tagged
     * {@code topic}; one more than {@code limit} to tell if more follow.
     */
    public Uni<List<Post>> pageNewestFirst(UUID communityId, long beforeSeq, String topic, int limit) {
        Parameters params = Parameters.with("community", communityId).and("before", beforeSeq);
        String query = "communityId = :community and seq < :before";
        if (topic != null) {
            query += " and array_contains(topics, :topic)";
            params = params.and("topic", topic);
        }
        return find(query + " order by seq desc", params).range(0, limit).list();
    }
}
