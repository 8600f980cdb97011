package io.hearth.platform.inbox;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Applies each event at most once per consumer: the event id is claimed in the same transaction as the
 * projection update, so a repeated or replayed event changes nothing. Transient failures are retried with
 * backoff; a poison record, or one that keeps failing, is nacked and goes to the channel's dead-letter topic.
 */
@ApplicationScoped
public class IdempotentConsumer {
    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    private final EventDecoder decoder;
    private final ProcessedEvents processed;

    public IdempotentConsumer(EventDecoder decoder, ProcessedEvents processed) {
        this.decoder = decoder;
        this.processed = processed;
    }

    /** Applies {@code handler} to the message's event unless {@code consumer} has applied it; then acks or nacks. */
    public Uni<Void> consume(String consumer, Message<String> message, Function<InboundEvent, Uni<Void>> handler) {
        return Uni.createFrom().item(() -> decoder.decode(message))
                .chain(event -> apply(consumer, event, handler))
                .onItemOrFailure().transformToUni((ignored, failure) -> {
                    if (failure == null) {
                        return Uni.createFrom().completionStage(message.ack());
                    }
                    LOG.errorf("%s could not apply a record, sending it to the dead-letter topic: %s", consumer,
                            failure.getMessage());
                    return Uni.createFrom().completionStage(message.nack(failure));
                });
    }

    private Uni<Void> apply(String consumer, Optional<InboundEvent> event, Function<InboundEvent, Uni<Void>> handler) {
        if (event.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> processed.claim(consumer, event.get().id())
                .chain(isNew -> isNew ? handler.apply(event.get()) : Uni.createFrom().voidItem()))
                .onFailure(f -> !(f instanceof PoisonEventException))
                .retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(2)).atMost(5);
    }
}
