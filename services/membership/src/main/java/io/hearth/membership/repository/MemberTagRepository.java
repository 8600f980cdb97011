package io.hearth.membership.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Staff's manual tags of each person in a community; used inside the caller's transaction. */
@ApplicationScoped
public class MemberTagRepository {

    /** The person's manual tags, in alphabetical order. */
    public Uni<List<String>> tagsOf(UUID communityId, String userId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "select tag from member_tag where community_id = :community and user_id = :user order by tag",
                String.class)
                .setParameter("community", communityId)
                .setParameter("user", userId)
                .getResultList());
    }

    /** Replaces the person's manual tags with {@code tags}: one delete, then one insert of all of them. */
    public Uni<Void> replace(UUID communityId, String userId, List<String> tags) {
        Uni<Integer> cleared = Panache.getSession().chain(session -> session.createNativeQuery(
                "delete from member_tag where community_id = :community and user_id = :user")
                .setParameter("community", communityId)
                .setParameter("user", userId)
                .executeUpdate());
        if (tags.isEmpty()) {
            return cleared.replaceWithVoid();
        }
        StringBuilder sql = new StringBuilder("insert into member_tag (community_id, user_id, tag) values ");
        for (int i = 0; i < tags.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:community, :user, :tag").append(i).append(")");
        }
        return cleared.chain(() -> Panache.getSession().chain(session -> {
            var insert = session.createNativeQuery(sql.toString())
                    .setParameter("community", communityId)
                    .setParameter("user", userId);
            for (int i = 0; i < tags.size(); i++) {
                insert.setParameter("tag" + i, tags.get(i));
            }
            return insert.executeUpdate();
        })).replaceWithVoid();
    }
}
