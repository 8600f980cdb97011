package io.hearth.platform.outbox;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import io.hearth.contracts.events.EventType;
import io.hearth.platform.config.HearthConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Sends outbox rows to Kafka as CloudEvents in binary mode, keyed by community, through the idempotent producer of the
 * {@code hearth-events-out} channel, and tells for each row whether the broker took it.
 */
@ApplicationScoped
public class OutboxPublisher {
    /** What became of one row: published, refused for good (with the reason), or to be tried again. */
    public enum Result {
        PUBLISHED, REFUSED, RETRY
    }

    /** A row's result and, when it failed, why. */
    public record Outcome(PendingEvent event, Result result, String reason) {
    }

    private final MutinyEmitter<String> emitter;
    private final URI source;

    public OutboxPublisher(@Channel("hearth-events-out") @OnOverflow(value = OnOverflow.Strategy.BUFFER,
            bufferSize = 4096) MutinyEmitter<String> emitter, HearthConfig config) {
        this.emitter = emitter;
        this.source = URI.create("/hearth/" + config.serviceName());
    }

    /**
     * Sends every row at once, in order: the idempotent producer keeps that order within each partition, and a
     * community's rows all go to one partition. Completes when the broker has answered for each of them.
     */
    Uni<List<Outcome>> publish(List<PendingEvent> events) {
        List<Uni<Outcome>> sends = events.stream().map(this::publish).toList();
        return Uni.join().all(sends).andFailFast();
    }

    private Uni<Outcome> publish(PendingEvent event) {
        Optional<Message<String>> message = message(event);
        if (message.isEmpty()) {
            return Uni.createFrom().item(new Outcome(event, Result.REFUSED, "unknown event type " + event.type()
                    + " and no topic recorded"));
        }
        return emitter.sendMessage(message.get())
                .map(ignored -> new Outcome(event, Result.PUBLISHED, null))
                .onFailure().recoverWithItem(failure -> new Outcome(event,
                        refusedForGood(failure) ? Result.REFUSED : Result.RETRY, String.valueOf(failure)));
    }

    private Optional<Message<String>> message(PendingEvent event) {
        String topic = event.topic();
        String dataSchema = event.dataSchema();
        if (topic == null || dataSchema == null) {
            Optional<EventType> type = EventType.ofType(event.type());
            if (type.isEmpty()) {
                return Optional.empty();
            }
            topic = type.get().topic();
            dataSchema = type.get().dataSchema().toString();
        }
        OutgoingCloudEventMetadata<String> cloudEvent = OutgoingCloudEventMetadata.<String> builder()
                .withId(event.eventId().toString())
                .withSource(source)
                .withType(event.type())
                .withSubject(event.communityId())
                .withTimestamp(event.occurredAt().atZone(ZoneOffset.UTC))
                .withDataSchema(URI.create(dataSchema))
                .withDataContentType("application/json")
                .build();
        OutgoingKafkaRecordMetadata<String> record = OutgoingKafkaRecordMetadata.<String> builder()
                .withTopic(topic)
                .withKey(event.communityId())
                .build();
        return Optional.of(Message.of(event.payload()).addMetadata(cloudEvent).addMetadata(record));
    }

    /** Failures that no retry can mend: the record itself is wrong for Kafka. Anything else may pass later. */
    private static boolean refusedForGood(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException
                    || t instanceof InvalidTopicException || t instanceof SerializationException) {
                return true;
            }
        }
        return false;
    }
}
