package io.hearth.content.events;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.hearth.contracts.events.NoticeIssued;
import io.hearth.content.domain.InboxItem;
import io.hearth.platform.inbox.IdempotentConsumer;
import io.hearth.platform.inbox.InboundEvent;
import io.hearth.platform.inbox.PoisonEventException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Puts other services' notices to one person (hearth.notice.issued: event reminders, waitlist promotions, lottery
 * results) in that person's inbox (channel {@code notices}). The item's arrival time is the notice's event time.
 */
@ApplicationScoped
public class NoticeDelivery {
    static final String CONSUMER = "content.notices";

    private final IdempotentConsumer consumer;

    public NoticeDelivery(IdempotentConsumer consumer) {
        this.consumer = consumer;
    }

    @Incoming("notices")
    public Uni<Void> onEvents(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(CONSUMER, batch, this::apply);
    }

    private Uni<Void> apply(InboundEvent event) {
        if (!(event.data() instanceof NoticeIssued notice)) {
            return Uni.createFrom().voidItem();
        }
        InboxItem item = new InboxItem();
        item.id = UUID.randomUUID();
        item.userId = notice.userId();
        item.kind = notice.kind();
        item.title = notice.title();
        item.body = notice.body();
        item.ref = notice.ref();
        try {
            item.communityId = UUID.fromString(notice.communityId());
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("Event " + event.id() + ": communityId is not a UUID", e);
        }
        item.createdAt = event.time();
        return Panache.getSession().chain(s -> s.persist(item));
    }
}
