package io.hearth.activity.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.hearth.activity.domain.Event;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class EventRepository implements PanacheRepositoryBase<Event, Event.Key> {
    /**
     * The community's events that have not ended, by start then seq, after the event whose seq is the cursor (its
     * start and seq read from its row, so the cursor is just the seq); one more than the page.
     */
    private static final String UPCOMING = "select e.* from event e where e.community_id = :community"
            + " and e.ends_at > :now and (:after = 0 or (e.starts_at, e.seq) > (select c.starts_at, c.seq from event c"
            + " where c.community_id = :community and c.seq = :after))"
            + " order by e.starts_at, e.seq limit :limit";

    public Uni<Event> findInCommunity(UUID communityId, UUID eventId) {
        return findById(new Event.Key(communityId, eventId));
    }

    /**
     * The event with its row locked until the transaction ends ({@code select ... for update}): whoever changes its
     * places takes this first, so two registrations or cancellations of one event run one after the other.
     */
    public Uni<Event> lockInCommunity(UUID communityId, UUID eventId) {
        return Panache.getSession().chain(s -> s.find(Event.class, new Event.Key(communityId, eventId),
                LockModeType.PESSIMISTIC_WRITE));
    }

    public Uni<List<Event>> upcoming(UUID communityId, Instant now, long afterSeq, int limit) {
        return Panache.getSession().chain(s -> s.createNativeQuery(UPCOMING, Event.class)
                .setParameter("community", communityId)
                .setParameter("now", now)
                .setParameter("after", afterSeq)
                .setParameter("limit", limit)
                .getResultList());
    }
}
