package io.hearth.content.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.content.domain.InboxItem;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class InboxRepository implements PanacheRepositoryBase<InboxItem, Long> {
    /** Marks read only an unread item, so that of two reads at once one alone finds it unread. */
    private static final String MARK_READ = "update inbox_item set read_at = now() where id = :id and user_id = :user"
            + " and read_at is null returning cast(broadcast_id as text)";

    /** The person's items before {@code beforeSeq}, newest first; one more than {@code limit} to tell if more follow. */
    public Uni<List<InboxItem>> pageNewestFirst(String userId, long beforeSeq, int limit) {
        return find("userId = :user and seq < :before order by seq desc",
                Parameters.with("user", userId).and("before", beforeSeq)).range(0, limit).list();
    }

    public Uni<InboxItem> findOwn(String userId, UUID id) {
        return find("userId = :user and id = :id", Parameters.with("user", userId).and("id", id)).firstResult();
    }

    /**
     * Marks the item read if it is the person's and unread: a list with its broadcast id (a null element for a
     * notice) when it was unread until now, empty when it was read already or is not theirs.
     */
    public Uni<List<String>> markRead(String userId, UUID id) {
        return Panache.getSession().chain(s -> s.createNativeQuery(MARK_READ, String.class)
                .setParameter("id", id).setParameter("user", userId).getResultList());
    }
}
