package io.hearth.content;

import static io.hearth.testing.Requests.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.EventType;
import io.hearth.contracts.events.MemberJoined;
import io.hearth.contracts.events.MemberLeft;
import io.hearth.contracts.events.MemberRoleChanged;
import io.hearth.contracts.events.PostCreated;
import io.hearth.contracts.events.Topics;
import io.hearth.platform.outbox.Outbox;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.TestTokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * The platform's pipeline as content runs it, on the real broker and database: the outbox numbers a community's
 * events in commit order and sets aside what can never be published; the consumer dead-letters only poison, applies
 * communities' interleaved events in each one's order, and re-drives dead letters on request.
 */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class PipelineTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Outbox outbox;

    @Test
    void aSecondTransactionOfTheSameCommunityDrawsItsNumberOnlyAfterTheFirstCommits() throws Exception {
        String community = UUID.randomUUID().toString();
        PostCreated first = new PostCreated(community, UUID.randomUUID().toString(), "a", List.of(), 1);
        PostCreated second = new PostCreated(community, UUID.randomUUID().toString(), "b", List.of(), 1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            // The first transaction records its event, then keeps working before it commits.
            Future<?> firstDone = threads.submit(() -> inTransaction(() -> outbox.record(first, Instant.now())
                    .chain(() -> Panache.getSession().chain(s -> s
                            .createNativeQuery("select 1 from pg_sleep(2)").getSingleResult()))));
            await().atMost(WAIT).until(() -> communityLocks(true) == 1);
            // The second, started while the first is open, waits for the first's community lock before its insert.
            Future<?> secondDone = threads.submit(() -> inTransaction(() -> outbox.record(second, Instant.now())));
            await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> communityLocks(false) == 1);
            firstDone.get();
            secondDone.get();
        } finally {
            threads.shutdownNow();
        }
        assertTrue(seqOf(first.postId()) < seqOf(second.postId()));
        List<String> published = KafkaEvents.awaitCommunityEvents(Topics.CONTENT, community,
                events -> events.size() == 2).stream()
                .map(e -> e.data().contains(first.postId()) ? "first" : "second").toList();
        assertEquals(List.of("first", "second"), published);
    }

    @Test
    void anOutboxRowThatCanNeverBePublishedIsSetAsideAndLaterEventsStillGoOut() throws SQLException {
        String community = UUID.randomUUID().toString();
        UUID stranded = UUID.randomUUID();
        // As a newer version would have written it, before a rollback to this one: a type this version does not
        // know, and (older row format) no topic recorded.
        try (Connection db = database(); PreparedStatement insert = db.prepareStatement("insert into outbox_event"
                + " (event_id, type, community_id, occurred_at, payload) values (?, ?, ?, now(), '{}')")) {
            insert.setObject(1, stranded);
            insert.setString(2, "hearth.future.happened");
            insert.setString(3, community);
            insert.executeUpdate();
        }
        String author = "m-" + UUID.randomUUID();
        ContentApi.joined(community, author, CommunityRole.MEMBER);
        String postId = ContentApi.post(community, author, "after the stranded row", List.of());

        KafkaEvents.awaitEvent(EventType.POST_CREATED, e -> e.data().contains(postId));
        await().atMost(WAIT).until(() -> deadReasonOf(stranded) != null);
        assertTrue(deadReasonOf(stranded).contains("hearth.future.happened"));
    }

    @Test
    void onlyPoisonIsDeadLetteredEachWithItsReasonAndConsumptionGoesOn() {
        String community = UUID.randomUUID().toString();
        String id = UUID.randomUUID().toString();
        // Breaks its schema: a join that names nobody.
        ProducerRecord<String, String> noUser = KafkaEvents.record(Topics.MEMBERSHIP,
                new MemberJoined(community, "x", CommunityRole.MEMBER, null, null, null), Instant.now(), id);
        noUser.headers().add(KafkaEvents.POISON_MARK, new byte[0]);
        KafkaEvents.send(new ProducerRecord<>(noUser.topic(), null, community,
                "{\"communityId\":\"" + community + "\",\"role\":\"MEMBER\"}", noUser.headers()));
        // A type this version does not know.
        ProducerRecord<String, String> unknown = KafkaEvents.record(Topics.MEMBERSHIP,
                new MemberLeft(community, "y"), Instant.now(), UUID.randomUUID().toString());
        unknown.headers().remove("ce_type");
        unknown.headers().add("ce_type", "hearth.member.teleported".getBytes(StandardCharsets.UTF_8));
        unknown.headers().add(KafkaEvents.POISON_MARK, new byte[0]);
        KafkaEvents.send(unknown);

        ConsumerRecord<String, String> invalid = KafkaEvents.awaitDeadLetter("hearth.dlq.content",
                r -> id.equals(KafkaEvents.header(r, "ce_id")));
        assertTrue(KafkaEvents.header(invalid, "dead-letter-reason").contains("violates the schema"));
        assertEquals(Topics.MEMBERSHIP, KafkaEvents.header(invalid, "dead-letter-topic"));
        ConsumerRecord<String, String> strange = KafkaEvents.awaitDeadLetter("hearth.dlq.content",
                r -> community.equals(r.key()) && "hearth.member.teleported".equals(KafkaEvents.header(r, "ce_type")));
        assertTrue(KafkaEvents.header(strange, "dead-letter-reason").contains("does not know"));

        String person = "m-" + UUID.randomUUID();
        ContentApi.joined(community, person, CommunityRole.MEMBER);
    }

    @Test
    void communitiesInterleavedAcrossPartitionsEachEndInTheStateTheirOwnOrderGives() {
        List<String> communities = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), UUID.randomUUID().toString());
        Map<String, List<Runnable>> histories = new HashMap<>();
        Map<String, Map<String, String>> expected = new HashMap<>();
        for (String community : communities) {
            String stays = "s-" + UUID.randomUUID();
            String promoted = "p-" + UUID.randomUUID();
            String leaves = "l-" + UUID.randomUUID();
            Instant t = Instant.now();
            histories.put(community, List.of(
                    () -> KafkaEvents.publish(new MemberJoined(community, stays, CommunityRole.MEMBER, null, null,
                            null), t),
                    () -> KafkaEvents.publish(new MemberJoined(community, promoted, CommunityRole.MEMBER, null, null,
                            null), t),
                    () -> KafkaEvents.publish(new MemberJoined(community, leaves, CommunityRole.MEMBER, null, null,
                            null), t),
                    () -> KafkaEvents.publish(new MemberRoleChanged(community, promoted, CommunityRole.ADMIN,
                            CommunityRole.MEMBER, "owner"), t),
                    () -> KafkaEvents.publish(new MemberRoleChanged(community, leaves, CommunityRole.ADMIN,
                            CommunityRole.MEMBER, "owner"), t),
                    () -> KafkaEvents.publish(new MemberLeft(community, leaves), t),
                    () -> KafkaEvents.publish(new MemberRoleChanged(community, promoted, CommunityRole.MEMBER,
                            CommunityRole.ADMIN, "owner"), t),
                    () -> KafkaEvents.publish(new MemberRoleChanged(community, promoted, CommunityRole.ADMIN,
                            CommunityRole.MEMBER, "owner"), t)));
            expected.put(community, Map.of(stays, "MEMBER", promoted, "ADMIN"));
        }
        // Round robin: step k of every community before step k+1 of any.
        for (int step = 0; step < 8; step++) {
            for (String community : communities) {
                histories.get(community).get(step).run();
            }
        }
        for (String community : communities) {
            await().atMost(WAIT).untilAsserted(() -> assertEquals(expected.get(community), replicaOf(community)));
        }
    }

    @Test
    void deadLettersAreRedrivenToTheirTopicByAPlatformAdminAndApplied() {
        String community = UUID.randomUUID().toString();
        String person = "m-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        // A join an earlier version could not apply, as it left it on the dead-letter topic.
        ProducerRecord<String, String> letter = KafkaEvents.record("hearth.dlq.content",
                new MemberJoined(community, person, CommunityRole.MEMBER, null, null, null), Instant.now(), eventId);
        letter.headers().add("dead-letter-topic", Topics.MEMBERSHIP.getBytes(StandardCharsets.UTF_8));
        letter.headers().add("dead-letter-reason", "an earlier version's bug".getBytes(StandardCharsets.UTF_8));
        KafkaEvents.send(letter);
        as(TestTokens.member(person)).get("/communities/{id}/posts", community).then().statusCode(403);

        as(TestTokens.member("someone")).post("/admin/dead-letters/redrive").then().statusCode(403);
        as(TestTokens.token("admin-" + UUID.randomUUID(), "platform-admin")).post("/admin/dead-letters/redrive")
                .then().statusCode(200)
                .body("deadLetterTopic", equalTo("hearth.dlq.content"))
                .body("byTopic.'hearth.membership.v1'", greaterThanOrEqualTo(1));

        await().atMost(WAIT).until(() -> as(TestTokens.member(person))
                .get("/communities/{id}/posts", community).statusCode() == 200);
        assertEquals(1, KafkaEvents.events(EventType.MEMBER_JOINED, e -> e.id().equals(eventId)).size(),
                "re-driven once, to its own topic, as the same event");
    }

    /** Runs {@code work} in a transaction of the service's own, on a Vert.x context as Hibernate Reactive wants. */
    private static <T> void inTransaction(Supplier<Uni<T>> work) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> replicaOf(String community) throws SQLException {
        Map<String, String> roles = new HashMap<>();
        try (Connection db = database(); PreparedStatement query = db.prepareStatement(
                "select user_id, role from community_member_replica where community_id = ?")) {
            query.setString(1, community);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    roles.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return roles;
    }

    private long seqOf(String postId) throws SQLException {
        try (Connection db = database(); PreparedStatement query = db.prepareStatement(
                "select seq from outbox_event where payload like ?")) {
            query.setString(1, "%" + postId + "%");
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next(), "no outbox row for " + postId);
                return rows.getLong(1);
            }
        }
    }

    private String deadReasonOf(UUID eventId) throws SQLException {
        try (Connection db = database(); PreparedStatement query = db.prepareStatement(
                "select dead_reason, published_at from outbox_event where event_id = ?")) {
            query.setObject(1, eventId);
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next());
                assertNull(rows.getObject(2), "a row that cannot be published was marked published");
                return rows.getString(1);
            }
        }
    }

    /** The outbox's per-community advisory locks right now: held ({@code granted}) or waited for. */
    private static long communityLocks(boolean granted) throws SQLException {
        try (Connection db = HearthTestResource.openDatabase(); ResultSet rows = db.createStatement().executeQuery(
                "select count(*) from pg_locks where locktype = 'advisory' and classid = " + 0x4f42
                        + " and granted = " + granted)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private Connection database() throws SQLException {
        return HearthTestResource.openDatabase();
    }
}
