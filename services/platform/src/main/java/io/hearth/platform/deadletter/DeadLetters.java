package io.hearth.platform.deadletter;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.hearth.platform.config.HearthConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Sends a record that can never be applied to {@code hearth.dlq.<service>}: its key, value and headers as they came,
 * plus the reason and where it came from, under the header names Kafka tooling and SmallRye use
 * ({@code dead-letter-reason}, {@code dead-letter-topic}, {@code dead-letter-partition}, {@code dead-letter-offset}).
 * {@link DeadLetterRedrive} puts them back on their topic after a fix.
 */
@ApplicationScoped
public class DeadLetters {
    public static final String REASON = "dead-letter-reason";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    public static final String CONSUMER = "dead-letter-consumer";
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final MutinyEmitter<String> emitter;
    private final String topic;
    private final MeterRegistry registry;

    public DeadLetters(@Channel("hearth-dead-letters-out") MutinyEmitter<String> emitter, HearthConfig config,
            MeterRegistry registry) {
        this.emitter = emitter;
        this.topic = topicOf(config.serviceName());
        this.registry = registry;
    }

    public static String topicOf(String serviceName) {
        return "hearth.dlq." + serviceName;
    }

    public String topic() {
        return topic;
    }

    /** Completes once the dead-letter topic has the record. */
    public Uni<Void> send(String consumer, KafkaRecord<String, String> record, Throwable reason) {
        long offset = record.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getOffset)
                .orElse(-1L);
        LOG.errorf("%s sends record %s-%d@%d to %s: %s", consumer, record.getTopic(), record.getPartition(), offset,
                topic, reason.getMessage());
        Headers headers = new RecordHeaders();
        for (Header header : record.getHeaders()) {
            if (!header.key().startsWith("dead-letter-")) {
                headers.add(header);
            }
        }
        add(headers, REASON, String.valueOf(reason.getMessage()));
        add(headers, TOPIC, record.getTopic());
        add(headers, PARTITION, String.valueOf(record.getPartition()));
        add(headers, OFFSET, String.valueOf(offset));
        add(headers, CONSUMER, consumer);
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String> builder()
                .withTopic(topic).withKey(record.getKey()).withHeaders(headers).build();
        return emitter.sendMessage(Message.of(record.getPayload()).addMetadata(metadata))
                .invoke(() -> Counter.builder("hearth.dead.letters.sent")
                        .description("Records this instance sent to its dead-letter topic")
                        .tag("consumer", consumer).register(registry).increment());
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
