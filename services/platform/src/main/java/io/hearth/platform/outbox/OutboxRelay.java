package io.hearth.platform.outbox;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.hearth.contracts.events.EventType;
import io.hearth.platform.config.HearthConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * Publishes outbox rows to Kafka as CloudEvents, keyed by community, in commit order, and marks them published
 * once the broker has acknowledged them. A crash between publish and mark publishes again; consumers are
 * idempotent. {@code SKIP LOCKED} lets several instances share the outbox without publishing a row twice at once.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Locks a batch; rows another instance is publishing are skipped rather than waited for. */
    private static final String LOCK_PENDING = "select seq from outbox_event where published_at is null order by seq"
            + " limit :limit for update skip locked";

    private final MutinyEmitter<String> emitter;
    private final HearthConfig config;
    private final URI source;

    public OutboxRelay(@Channel("hearth-events-out") MutinyEmitter<String> emitter, HearthConfig config) {
        this.emitter = emitter;
        this.config = config;
        this.source = URI.create("/hearth/" + config.serviceName());
    }

    @Scheduled(every = "${hearth.outbox.interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> relay() {
        return publishPending()
                .onFailure().invoke(e -> LOG.warnf("Outbox relay pass failed, will retry: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Published rows are only kept for a while, for inspection; the topics are the record. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> purgePublished() {
        Instant before = Instant.now().minus(config.outbox().retention());
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createMutationQuery("delete from OutboxEvent where publishedAt < :before")
                        .setParameter("before", before).executeUpdate()))
                .onFailure().invoke(e -> LOG.warnf("Outbox purge failed, will retry: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Publishes one batch of pending events; returns how many were published. */
    public Uni<Integer> publishPending() {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(LOCK_PENDING, Long.class)
                        .setParameter("limit", config.outbox().batchSize())
                        .getResultList()
                        .chain(seqs -> seqs.isEmpty() ? Uni.createFrom().item(List.<OutboxEvent> of())
                                : session.createSelectionQuery("from OutboxEvent where seq in :seqs order by seq",
                                        OutboxEvent.class).setParameter("seqs", seqs).getResultList()))
                .chain(this::publishAll));
    }

    private Uni<Integer> publishAll(List<OutboxEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        // Sent together but in seq order: the idempotent producer keeps that order within each partition.
        List<Uni<Void>> sends = events.stream().map(this::send).toList();
        Instant now = Instant.now();
        return Uni.join().all(sends).andFailFast()
                .invoke(() -> events.forEach(e -> e.publishedAt = now))
                .replaceWith(events.size());
    }

    private Uni<Void> send(OutboxEvent event) {
        EventType type = EventType.ofType(event.type)
                .orElseThrow(() -> new IllegalStateException("Unknown event type in outbox: " + event.type));
        OutgoingCloudEventMetadata<String> cloudEvent = OutgoingCloudEventMetadata.<String> builder()
                .withId(event.eventId.toString())
                .withSource(source)
                .withType(type.type())
                .withSubject(event.communityId)
                .withTimestamp(event.occurredAt.atZone(ZoneOffset.UTC))
                .withDataSchema(type.dataSchema())
                .withDataContentType("application/json")
                .build();
        OutgoingKafkaRecordMetadata<String> record = OutgoingKafkaRecordMetadata.<String> builder()
                .withTopic(type.topic())
                .withKey(event.communityId)
                .build();
        return emitter.sendMessage(Message.of(event.payload).addMetadata(cloudEvent).addMetadata(record));
    }
}
