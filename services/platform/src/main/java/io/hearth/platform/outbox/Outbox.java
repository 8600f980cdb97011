package io.hearth.platform.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.contracts.events.EventData;
import io.hearth.contracts.events.EventJson;
import io.hearth.contracts.events.EventType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Records an event in the outbox. Call it inside the transaction that makes the change the event tells of, so
 * that both commit or neither does; {@link OutboxRelay} publishes it afterwards.
 */
@ApplicationScoped
public class Outbox {

    public Uni<Void> record(EventData data, Instant occurredAt) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.type = EventType.of(data).type();
        event.communityId = data.communityId();
        event.occurredAt = occurredAt;
        event.payload = EventJson.write(data);
        return Panache.getSession().chain(session -> session.persist(event));
    }
}
