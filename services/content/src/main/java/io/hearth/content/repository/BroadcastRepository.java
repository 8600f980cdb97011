package io.hearth.content.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.content.domain.Broadcast;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class BroadcastRepository implements PanacheRepositoryBase<Broadcast, UUID> {
    private static final String ADD_OUTCOMES = "update broadcast set delivered = delivered + :delivered,"
            + " suppressed = suppressed + :suppressed where id = :id";
    private static final String COUNT_READ = "update broadcast set read_count = read_count + 1 where id = :id";
    private static final String PUBLISHED_COPIES = "select count(*) from post where broadcast_id = :id";

    /** Adds one delivery round's figures (one target community's members). */
    public Uni<Void> addOutcomes(UUID id, int delivered, int suppressed) {
        return Panache.getSession().chain(s -> s.createNativeQuery(ADD_OUTCOMES).setParameter("delivered", delivered)
                .setParameter("suppressed", suppressed).setParameter("id", id).executeUpdate()).replaceWithVoid();
    }

    public Uni<Void> countRead(UUID id) {
        return Panache.getSession().chain(s -> s.createNativeQuery(COUNT_READ).setParameter("id", id).executeUpdate())
                .replaceWithVoid();
    }

    /** How many of its copies have appeared as posts. */
    public Uni<Long> publishedCopies(UUID id) {
        return Panache.getSession().chain(s -> s.createNativeQuery(PUBLISHED_COPIES, Long.class)
                .setParameter("id", id).getSingleResult());
    }
}
