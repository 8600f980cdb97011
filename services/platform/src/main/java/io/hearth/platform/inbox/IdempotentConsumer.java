package io.hearth.platform.inbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.hearth.platform.deadletter.DeadLetters;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Applies each event at most once per consumer, a batch of records at a time: every event id is claimed in the same
 * transaction as the projection update, so a repeated or replayed event changes nothing, and one commit serves the
 * whole batch.
 *
 * <p>Events are applied in the order they were polled, which keeps each partition's order, and so each community's:
 * the producers publish a community's events in commit order, and projections that depend on it (a replica must see
 * a join before that member's role change or leave) rely on it.
 *
 * <p>Only poison goes to the dead-letter topic: a record that is not a CloudEvent, whose data does not satisfy its
 * type's schema, or whose type this version does not know (a newer producer's; re-drive it after upgrading). Any
 * other failure (the database restarting, a lock timeout) is retried with backoff for as long as it takes, holding
 * the partition's later records back rather than losing one: its offset is not committed until it is applied.
 */
@ApplicationScoped
public class IdempotentConsumer {
    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final EventDecoder decoder;
    private final ProcessedEvents processed;
    private final DeadLetters deadLetters;

    public IdempotentConsumer(EventDecoder decoder, ProcessedEvents processed, DeadLetters deadLetters) {
        this.decoder = decoder;
        this.processed = processed;
        this.deadLetters = deadLetters;
    }

    /** One event of a batch: decoded, or poison with the reason. */
    private record Decoded(KafkaRecord<String, String> record, InboundEvent event, PoisonEventException poison) {
    }

    /**
     * Applies {@code handler} to every event of the batch that {@code consumer} has not applied yet, in one
     * transaction; sends poison to the dead-letter topic; acks the batch once all of it is done.
     */
    public Uni<Void> consume(String consumer, KafkaRecordBatch<String, String> batch,
            Function<InboundEvent, Uni<Void>> handler) {
        List<Decoded> decoded = new ArrayList<>(batch.getRecords().size());
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                decoded.add(new Decoded(record, decoder.decode(record), null));
            } catch (PoisonEventException e) {
                decoded.add(new Decoded(record, null, e));
            }
        }
        List<InboundEvent> events = decoded.stream().filter(d -> d.event() != null).map(Decoded::event).toList();
        Context context = Vertx.currentContext();
        return untilApplied(consumer, () -> applyAll(consumer, events, handler), context)
                // A handler found one event poison: apply the batch one event per transaction to find which.
                .onFailure(PoisonEventException.class).recoverWithUni(() -> applyOneByOne(consumer, decoded,
                        handler, context))
                .chain(() -> sendPoison(consumer, decoded))
                .chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }

    private Uni<Void> applyAll(String consumer, List<InboundEvent> events, Function<InboundEvent, Uni<Void>> handler) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> applyInOrder(consumer, events, 0, handler));
    }

    /** Claims and applies events[i..] one after another: the order within the transaction is the order polled. */
    private Uni<Void> applyInOrder(String consumer, List<InboundEvent> events, int i,
            Function<InboundEvent, Uni<Void>> handler) {
        if (i == events.size()) {
            return Uni.createFrom().voidItem();
        }
        InboundEvent event = events.get(i);
        return processed.claim(consumer, event.id())
                .chain(isNew -> isNew ? handler.apply(event) : Uni.createFrom().voidItem())
                .chain(() -> applyInOrder(consumer, events, i + 1, handler));
    }

    private Uni<Void> applyOneByOne(String consumer, List<Decoded> decoded, Function<InboundEvent, Uni<Void>> handler,
            Context context) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = 0; i < decoded.size(); i++) {
            int index = i;
            chain = chain.chain(() -> {
                Decoded d = decoded.get(index);
                if (d.event() == null) {
                    return Uni.createFrom().voidItem();
                }
                return untilApplied(consumer, () -> applyAll(consumer, List.of(d.event()), handler), context)
                        .onFailure(PoisonEventException.class).recoverWithItem(poison -> {
                            decoded.set(index, new Decoded(d.record(), null, (PoisonEventException) poison));
                            return null;
                        });
            });
        }
        return chain;
    }

    private Uni<Void> sendPoison(String consumer, List<Decoded> decoded) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Decoded d : decoded) {
            if (d.poison() != null) {
                chain = chain.chain(() -> deadLetters.send(consumer, d.record(), d.poison()));
            }
        }
        return chain;
    }

    /**
     * Runs {@code attempt} until it succeeds or finds poison, backing off between failures. Each attempt starts on
     * the consumer's Vert.x context, where Hibernate Reactive must run (a retry timer fires on another thread).
     */
    private static Uni<Void> untilApplied(String consumer, Supplier<Uni<Void>> attempt,
            Context context) {
        Uni<Void> once = Uni.createFrom().deferred(attempt::get);
        if (context != null) {
            once = once.runSubscriptionOn(command -> context.runOnContext(ignored -> command.run()));
        }
        return once
                .onFailure(f -> !(f instanceof PoisonEventException)).invoke(f -> LOG.warnf(
                        "%s could not apply a batch, retrying: %s", consumer, f.getMessage()))
                .onFailure(f -> !(f instanceof PoisonEventException)).retry()
                .withBackOff(FIRST_BACKOFF, MAX_BACKOFF).indefinitely();
    }
}
