package io.hearth.testing;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.hearth.contracts.events.EventData;
import io.hearth.contracts.events.EventJson;
import io.hearth.contracts.events.EventSchemaValidator;
import io.hearth.contracts.events.EventType;

/**
 * Reads and writes Hearth CloudEvents on the real broker of {@link HearthTestResource}. Every event it reads is
 * checked against the CloudEvents attributes we promise and the JSON Schema of its type.
 */
public final class KafkaEvents {
    private static final EventSchemaValidator SCHEMAS = new EventSchemaValidator();
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** A header a test puts on a record it breaks on purpose, so that reading the topic does not fail on it. */
    public static final String POISON_MARK = "hearth-test-poison";

    private KafkaEvents() {
    }

    /** Waits until an event of {@code type} matching {@code filter} is on its topic, and returns it. */
    public static PublishedEvent awaitEvent(EventType type, Predicate<PublishedEvent> filter) {
        List<PublishedEvent> found = new ArrayList<>();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            found.clear();
            found.addAll(events(type, filter));
            return !found.isEmpty();
        });
        return found.get(0);
    }

    /**
     * Waits until at least {@code count} events of {@code type} match {@code filter} and returns all that match, so
     * that a caller can assert there are no more than it expects.
     */
    public static List<PublishedEvent> awaitEvents(EventType type, Predicate<PublishedEvent> filter, int count) {
        List<PublishedEvent> found = new ArrayList<>();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            found.clear();
            found.addAll(events(type, filter));
            return found.size() >= count;
        });
        return found;
    }

    /**
     * Every event of {@code type} matching {@code filter} on its topic right now, in topic order (see
     * {@link #readAll}): the order consumers see them in, which is not event-time order. Filtered to one community,
     * that is the order its events were published in.
     */
    public static List<PublishedEvent> events(EventType type, Predicate<PublishedEvent> filter) {
        return readAll(type.topic()).stream().filter(e -> e.is(type)).filter(filter).toList();
    }

    /**
     * Every event on {@code topic} right now, each validated, in topic order: partition by partition, each in offset
     * order. Events of different partitions have no order between them, so none is made up (and event time is not
     * an order: a late or replayed event carries an old time). Records that do not even claim to be CloudEvents (no
     * {@code ce_type}) and records marked {@link #POISON_MARK} (the poison tests send on purpose) are left out;
     * anything else that claims to be a CloudEvent is held to the whole contract.
     */
    public static List<PublishedEvent> readAll(String topic) {
        return readRecords(topic).stream().filter(r -> header(r, "ce_type") != null)
                .filter(r -> header(r, POISON_MARK) == null).map(KafkaEvents::validated).toList();
    }

    /**
     * Every event of one community on {@code topic} right now, in the order its consumers apply them: events are keyed
     * by community id, so they share one partition, and that partition's offset order is the community's order.
     */
    public static List<PublishedEvent> communityEvents(String topic, String communityId) {
        List<PublishedEvent> events = readAll(topic).stream().filter(e -> communityId.equals(e.key())).toList();
        if (events.stream().map(PublishedEvent::partition).distinct().count() > 1) {
            throw new AssertionError("Events of community " + communityId + " are on more than one partition of "
                    + topic + ", so they have no order: " + events);
        }
        return events;
    }

    /** Waits until {@code until} holds for the community's events on {@code topic}, and returns them in order. */
    public static List<PublishedEvent> awaitCommunityEvents(String topic, String communityId,
            Predicate<List<PublishedEvent>> until) {
        List<PublishedEvent> found = new ArrayList<>();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            found.clear();
            found.addAll(communityEvents(topic, communityId));
            return until.test(found);
        });
        return found;
    }

    /**
     * Waits until a record matching {@code filter} is on the dead-letter topic {@code topic}, and returns it with its
     * headers (the reason it was dead-lettered among them).
     */
    public static ConsumerRecord<String, String> awaitDeadLetter(String topic,
            Predicate<ConsumerRecord<String, String>> filter) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            found.clear();
            found.addAll(readRecords(topic).stream().filter(filter).toList());
            return !found.isEmpty();
        });
        return found.get(0);
    }

    /** The records on the dead-letter topic {@code topic} right now that match {@code filter}. */
    public static List<ConsumerRecord<String, String>> deadLetters(String topic,
            Predicate<ConsumerRecord<String, String>> filter) {
        return readRecords(topic).stream().filter(filter).toList();
    }

    /** The value of a record's header, or null. */
    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * Every record on {@code topic} right now, as it is, partition after partition, each in offset order; none when
     * the topic does not exist yet. A poll interleaves partitions, so records are gathered per partition.
     */
    private static List<ConsumerRecord<String, String>> readRecords(String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, HearthTestResource.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.listTopics().containsKey(topic)
                    ? consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList()
                    : List.of();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<Integer, List<ConsumerRecord<String, String>>> byPartition = new TreeMap<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    // Only what was there when reading began, so that one read is one snapshot of the topic.
                    if (record.offset() < end.get(new TopicPartition(topic, record.partition()))) {
                        byPartition.computeIfAbsent(record.partition(), p -> new ArrayList<>()).add(record);
                    }
                }
            }
            return byPartition.values().stream().flatMap(List::stream).toList();
        }
    }

    /** Publishes {@code data} as the producing service would: a binary-mode CloudEvent keyed by community. */
    public static String publish(EventData data, Instant time) {
        String id = UUID.randomUUID().toString();
        publish(data, time, id);
        return id;
    }

    /** Publishes with a chosen event id, to test that a repeated delivery changes nothing. */
    public static void publish(EventData data, Instant time, String id) {
        send(record(EventType.of(data).topic(), data, time, id));
    }

    /** The record a producing service would publish for {@code data}, addressed to {@code topic}. */
    public static ProducerRecord<String, String> record(String topic, EventData data, Instant time, String id) {
        EventType type = EventType.of(data);
        Headers headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", id);
        header(headers, "ce_source", "/hearth/test");
        header(headers, "ce_type", type.type());
        header(headers, "ce_subject", data.communityId());
        header(headers, "ce_time", DateTimeFormatter.ISO_INSTANT.format(time));
        header(headers, "ce_dataschema", type.dataSchema().toString());
        header(headers, "content-type", "application/json");
        return new ProducerRecord<>(topic, null, data.communityId(), EventJson.write(data), headers);
    }

    /** Publishes a raw record, e.g. a poison one. */
    public static void send(ProducerRecord<String, String> record) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, HearthTestResource.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + record.topic(), e);
        }
    }

    private static void header(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static PublishedEvent validated(ConsumerRecord<String, String> record) {
        PublishedEvent event = new PublishedEvent(record.topic(), record.key(), header(record, "ce_id"),
                header(record, "ce_specversion"), header(record, "ce_source"), header(record, "ce_type"),
                header(record, "ce_subject"), parseTime(header(record, "ce_time")), header(record, "ce_dataschema"),
                record.value(), record.partition(), record.offset());
        if (event.id() == null || !"1.0".equals(event.specVersion()) || event.source() == null || event.type() == null
                || event.subject() == null || event.time() == null || event.dataSchema() == null) {
            throw new AssertionError("Not a complete CloudEvent on " + record.topic() + ": " + event);
        }
        if (!event.subject().equals(event.key())) {
            throw new AssertionError("Event " + event.id() + " is not keyed by its community: " + event);
        }
        SCHEMAS.assertValid(event.type(), event.data());
        return event;
    }

    private static Instant parseTime(String value) {
        return value == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(value, Instant::from);
    }
}
