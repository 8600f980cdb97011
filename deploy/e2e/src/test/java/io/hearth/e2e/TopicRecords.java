package io.hearth.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Every record a topic holds right now, read from the beginning without a consumer group, so that a test sees what
 * was published (duplicates included) rather than what a consumer made of it.
 */
final class TopicRecords {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One record: its CloudEvents id and type ({@code ce_id}, {@code ce_type}), key and data (the value, as JSON). */
    record Event(String id, String type, String key, JsonNode data, String value) {
        String field(String name) {
            return data.path(name).asText(null);
        }
    }

    private TopicRecords() {
    }

    /** The topic's records up to its current end; none if it does not exist. */
    static List<Event> read(String bootstrapServers, String topic) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            List<Event> events = new ArrayList<>();
            if (partitions.isEmpty()) {
                return events;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " to its end " + end);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    events.add(new Event(header(record, "ce_id"), header(record, "ce_type"), record.key(), parse(record.value()),
                            record.value()));
                }
            }
            return events;
        }
    }

    /** How many of the topic's records are of {@code type} and match. */
    static long count(List<Event> events, String type, Predicate<Event> match) {
        return events.stream().filter(e -> type.equals(e.type())).filter(match).count();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static JsonNode parse(String value) {
        if (value == null) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }
}
