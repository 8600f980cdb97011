package io.hearth.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The events each consumer has applied. Claiming inserts the (consumer, event id) row and treats a key conflict as
 * "already applied": safe when two deliveries of the same event race, unlike look-up-then-insert.
 */
@ApplicationScoped
public class ProcessedEvents {
    private static final String CLAIM = "insert into processed_event (consumer, event_id) values (:consumer, :eventId)"
            + " on conflict do nothing";

    /** True when this consumer has not applied the event before; must run in the transaction of the effect. */
    public Uni<Boolean> claim(String consumer, String eventId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(CLAIM)
                .setParameter("consumer", consumer)
                .setParameter("eventId", eventId)
                .executeUpdate())
                .map(rows -> rows == 1);
    }
}
