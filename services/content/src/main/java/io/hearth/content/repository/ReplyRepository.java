package io.hearth.content.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.content.domain.Reply;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ReplyRepository implements PanacheRepositoryBase<Reply, Long> {

    /** The reply with this id to this post in this community, or null. */
    public Uni<Reply> findToPost(UUID communityId, UUID postId, UUID replyId) {
        return find("communityId = :community and postId = :post and id = :id",
                Parameters.with("community", communityId).and("post", postId).and("id", replyId)).firstResult();
    }

    /** The post's standing replies written after {@code afterSeq}, oldest first; one more than {@code limit}. */
    public Uni<List<Reply>> pageOldestFirst(UUID communityId, UUID postId, long afterSeq, int limit) {
        return find("communityId = :community and postId = :post and seq > :after and removedAt is null order by seq",
                Parameters.with("community", communityId).and("post", postId).and("after", afterSeq))
                .range(0, limit).list();
    }
}
