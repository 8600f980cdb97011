package io.hearth.platform.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Identifier;

/**
 * Puts dead letters back on the topic they came from, after the fault that made them poison is fixed (a newer
 * version that knows their type, a corrected schema). Each is republished as it was first published: same key, same
 * CloudEvents headers, so the same event id. Every consumer group of that topic sees it again; those that applied it
 * skip it (its id is claimed), the one that could not applies it now, late, out of its original order. Records that
 * are still poison come back to the dead-letter topic.
 *
 * <p>Progress is kept in the consumer group {@code <dead-letter topic>.redrive}: a record is re-driven once; letters
 * that arrive later are taken by the next run. Re-drive within the processed-event retention (14 days by default), so
 * that consumers which applied a letter still remember it.
 */
@ApplicationScoped
public class DeadLetterRedrive {
    private static final Logger LOG = Logger.getLogger(DeadLetterRedrive.class);

    /** What a run re-drove: how many records, per original topic. */
    @Schema(name = "RedriveResult", description = "What a re-drive put back",
            requiredProperties = { "deadLetterTopic", "redriven", "byTopic" })
    public record Result(@Schema(description = "The dead-letter topic read", examples = "hearth.dlq.content")
            String deadLetterTopic,
            @Schema(description = "Records put back on their topics, in all") int redriven,
            @Schema(description = "Records put back, per original topic") Map<String, Integer> byTopic) {
    }

    private final Map<String, Object> kafkaConfig;
    private final DeadLetters deadLetters;

    public DeadLetterRedrive(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            DeadLetters deadLetters) {
        this.kafkaConfig = kafkaConfig;
        this.deadLetters = deadLetters;
    }

    /** Re-drives every letter not re-driven yet, up to the end of the topic as it is now. Blocking. */
    public Result redrive() {
        String topic = deadLetters.topic();
        Map<String, Integer> byTopic = new TreeMap<>();
        try (KafkaConsumer<String, String> consumer = consumer(topic + ".redrive");
                KafkaProducer<String, String> producer = producer()) {
            List<TopicPartition> partitions = consumer.listTopics().containsKey(topic)
                    ? consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList()
                    : List.of();
            if (partitions.isEmpty()) {
                return new Result(topic, 0, byTopic);
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> letter : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(letter.topic(), letter.partition());
                    if (letter.offset() >= end.get(partition)) {
                        continue;
                    }
                    String origin = header(letter, DeadLetters.TOPIC);
                    if (origin == null) {
                        LOG.warnf("Dead letter %s-%d@%d names no topic; left where it is", letter.topic(),
                                letter.partition(), letter.offset());
                    } else {
                        producer.send(republished(origin, letter));
                        byTopic.merge(origin, 1, Integer::sum);
                    }
                    done.put(partition, new OffsetAndMetadata(letter.offset() + 1));
                }
            }
            producer.flush();
            consumer.commitSync(done);
        }
        int total = byTopic.values().stream().mapToInt(Integer::intValue).sum();
        LOG.infof("Re-drove %d dead letters from %s: %s", total, topic, byTopic);
        return new Result(topic, total, byTopic);
    }

    private static ProducerRecord<String, String> republished(String topic, ConsumerRecord<String, String> letter) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : letter.headers()) {
            if (!header.key().startsWith("dead-letter-")) {
                headers.add(header);
            }
        }
        return new ProducerRecord<>(topic, null, letter.key(), letter.value(), headers);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private KafkaConsumer<String, String> consumer(String group) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, group + "-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private KafkaProducer<String, String> producer() {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }
}
