package io.hearth.content.repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.content.domain.Reaction;
import io.hearth.content.domain.ReactionTally;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Reactions, one row per person, post and reaction. Adding is an insert that does nothing on a conflict and taking
 * back a delete, each telling by its row count whether it changed anything, so two racing requests count once.
 */
@ApplicationScoped
public class ReactionRepository {
    private static final String ADD = "insert into reaction (community_id, post_id, user_id, reaction, created_at)"
            + " values (:community, :post, :user, :reaction, cast(:at as timestamptz)) on conflict do nothing";
    private static final String REMOVE = "delete from reaction where community_id = :community and post_id = :post"
            + " and user_id = :user and reaction = :reaction";
    private static final String TALLY = "select post_id, reaction, count(*), bool_or(user_id = :reader)"
            + " from reaction where community_id = :community and post_id in (:posts) group by post_id, reaction";

    /** True if the person had not given this reaction yet and now has. */
    public Uni<Boolean> add(UUID communityId, UUID postId, String userId, Reaction reaction, Instant at) {
        return Panache.getSession().chain(s -> s.createNativeQuery(ADD)
                .setParameter("community", communityId).setParameter("post", postId).setParameter("user", userId)
                .setParameter("reaction", reaction.value()).setParameter("at", at.atOffset(ZoneOffset.UTC))
                .executeUpdate()).map(rows -> rows == 1);
    }

    /** True if the person had given this reaction and now has not. */
    public Uni<Boolean> remove(UUID communityId, UUID postId, String userId, Reaction reaction) {
        return Panache.getSession().chain(s -> s.createNativeQuery(REMOVE)
                .setParameter("community", communityId).setParameter("post", postId).setParameter("user", userId)
                .setParameter("reaction", reaction.value()).executeUpdate()).map(rows -> rows == 1);
    }

    /** Each post's reactions, counted, with those {@code readerId} gave; a post without any is not in the map. */
    public Uni<Map<UUID, ReactionTally>> tally(UUID communityId, Collection<UUID> postIds, String readerId) {
        if (postIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(TALLY, Object[].class)
                .setParameter("community", communityId).setParameter("posts", List.copyOf(postIds))
                .setParameter("reader", readerId).getResultList())
                .map(rows -> {
                    Map<UUID, ReactionTally.Builder> builders = new HashMap<>();
                    for (Object[] row : rows) {
                        // A value no longer in the set (none today) is not shown rather than failing the read.
                        Reaction.ofValue((String) row[1]).ifPresent(reaction -> builders
                                .computeIfAbsent((UUID) row[0], id -> new ReactionTally.Builder())
                                .add(reaction, ((Number) row[2]).intValue(), Boolean.TRUE.equals(row[3])));
                    }
                    Map<UUID, ReactionTally> tallies = new HashMap<>();
                    builders.forEach((id, builder) -> tallies.put(id, builder.build()));
                    return tallies;
                });
    }
}
