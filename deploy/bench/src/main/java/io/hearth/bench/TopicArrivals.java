package io.hearth.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a Hearth topic from its end, as any consumer would, and notes when each post's event arrived: the Kafka half
 * of the pipeline (commit -> outbox -> broker). No consumer group: it changes nobody's offsets.
 */
final class TopicArrivals implements AutoCloseable {
    private static final Pattern POST_ID = Pattern.compile("\"postId\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");

    private final Map<String, Instant> arrivals = new ConcurrentHashMap<>();
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread reader;
    private volatile boolean running = true;

    TopicArrivals(String bootstrap, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // Only committed records, as Hearth's consumers see them if the relay ever writes in transactions.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // Resolve the end offsets now, so that nothing sent from here on is skipped.
        partitions.forEach(consumer::position);
        reader = new Thread(this::read, "bench-topic-" + topic);
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        while (running) {
            var records = consumer.poll(Duration.ofMillis(100));
            Instant now = Instant.now();
            for (ConsumerRecord<byte[], byte[]> record : records) {
                if (record.value() == null) {
                    continue;
                }
                Matcher id = POST_ID.matcher(new String(record.value(), StandardCharsets.UTF_8));
                if (id.find()) {
                    arrivals.putIfAbsent(id.group(1), now);
                }
            }
        }
        consumer.close(Duration.ofSeconds(5));
    }

    Map<String, Instant> arrivals() {
        return arrivals;
    }

    @Override
    public void close() {
        running = false;
        try {
            reader.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
