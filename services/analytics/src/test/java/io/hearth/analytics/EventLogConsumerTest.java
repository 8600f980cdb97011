package io.hearth.analytics;

import static io.hearth.analytics.AnalyticsApi.awaitLifecycle;
import static io.hearth.analytics.AnalyticsApi.checkIn;
import static io.hearth.analytics.AnalyticsApi.communityOwnedBy;
import static io.hearth.analytics.AnalyticsApi.convertsFully;
import static io.hearth.analytics.AnalyticsApi.payment;
import static io.hearth.analytics.AnalyticsApi.post;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import io.hearth.analytics.AnalyticsApi.Funnel;
import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.MemberJoined;
import io.hearth.contracts.events.Topics;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(HearthTestResource.class)
class EventLogConsumerTest {
    private static final String DLQ = "hearth.dlq.analytics";
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void anEventsDataIsLoggedAsTheJsonObjectItWasSoMetricsCanReadItsFields() throws Exception {
        String community = UUID.randomUUID().toString();
        String person = "p-" + UUID.randomUUID();
        String id = KafkaEvents.publish(new MemberJoined(community, person, CommunityRole.MEMBER, null, null, null),
                NOW);
        try (Connection db = HearthTestResource.openDatabase();
                PreparedStatement query = db.prepareStatement(
                        "select jsonb_typeof(data), data->>'userId' from event_log where event_id = ?")) {
            query.setString(1, id);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next();
                }
            });
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                assertEquals("object", rows.getString(1));
                assertEquals(person, rows.getString(2));
            }
        }
    }

    @Test
    void replayedEventWithTheSameIdChangesNothing() {
        String owner = "owner-" + UUID.randomUUID();
        String community = communityOwnedBy(owner);
        String alice = "alice-" + UUID.randomUUID();
        Instant t = NOW.minus(Duration.ofDays(3));
        MemberJoined aliceJoined = new MemberJoined(community, alice, CommunityRole.MEMBER, null, null, null);
        String joinId = KafkaEvents.publish(aliceJoined, t);
        var alicePost = post(community, alice);
        String postId = KafkaEvents.publish(alicePost, t.plus(HOUR));
        var aliceCheckIn = checkIn(community, alice, t.plus(HOUR.multipliedBy(2)));
        String checkInId = KafkaEvents.publish(aliceCheckIn, t.plus(HOUR.multipliedBy(2)));
        var alicePayment = payment(community, alice);
        String paymentId = KafkaEvents.publish(alicePayment, t.plus(HOUR.multipliedBy(3)));
        awaitLifecycle(community, owner, Map.of(), f -> assertEquals(List.of(1L, 1L, 1L, 1L), f.counts()));

        // Every event again under its id, as a relay that crashed before marking them sent would publish them...
        KafkaEvents.publish(aliceJoined, t, joinId);
        KafkaEvents.publish(alicePost, t.plus(HOUR), postId);
        KafkaEvents.publish(aliceCheckIn, t.plus(HOUR.multipliedBy(2)), checkInId);
        KafkaEvents.publish(alicePayment, t.plus(HOUR.multipliedBy(3)), paymentId);
        // ...and ids already applied carrying data that would show if it were applied: another person joining,
        // and Alice posting 50 minutes earlier.
        KafkaEvents.publish(new MemberJoined(community, "bob-" + UUID.randomUUID(), CommunityRole.MEMBER, null, null,
                null), t, joinId);
        KafkaEvents.publish(post(community, alice), t.plus(Duration.ofMinutes(10)), postId);
        // Carol's events come after all of those on every topic: once she counts, the repeats were consumed.
        convertsFully(community, "carol-" + UUID.randomUUID(), t);

        Funnel funnel = awaitLifecycle(community, owner, Map.of(),
                f -> assertEquals(List.of(2L, 2L, 2L, 2L), f.counts()));
        assertEquals(List.of(0.0, 3600.0, 7200.0, 10800.0), funnel.medianSeconds());
        assertEquals(List.of(0.0, 3600.0, 7200.0, 10800.0), funnel.meanSeconds());
    }

    @Test
    void poisonRecordGoesToTheDeadLetterTopicAndLaterEventsStillApply() {
        String owner = "owner-" + UUID.randomUUID();
        String community = communityOwnedBy(owner);
        String marker = "poison-" + UUID.randomUUID();
        List<String> topics = List.of(Topics.MEMBERSHIP, Topics.CONTENT, Topics.ACTIVITY, Topics.MONETIZATION);
        for (String topic : topics) {
            // No ce_ attributes: not a CloudEvent at all.
            KafkaEvents.send(new ProducerRecord<>(topic, community, marker));
        }

        convertsFully(community, "after-poison-" + UUID.randomUUID(), NOW.minus(Duration.ofDays(1)));
        awaitLifecycle(community, owner, Map.of(), f -> assertEquals(List.of(1L, 1L, 1L, 1L), f.counts()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(Set.copyOf(topics),
                deadLetters(marker).stream().map(r -> header(r, "dead-letter-topic")).collect(Collectors.toSet())));
        ConsumerRecord<String, String> deadLetter = deadLetters(marker).get(0);
        assertEquals(community, deadLetter.key());
        assertEquals("Not a CloudEvent: no ce_ attributes", header(deadLetter, "dead-letter-reason"));
    }

    /** The records on the dead-letter topic whose value is {@code value}. */
    private static List<ConsumerRecord<String, String>> deadLetters(String value) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, HearthTestResource.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(DLQ).stream()
                    .map(p -> new TopicPartition(DLQ, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (value.equals(record.value())) {
                        found.add(record);
                    }
                }
            }
            return found;
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
