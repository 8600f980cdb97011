package io.hearth.analytics;

import static io.hearth.analytics.AnalyticsApi.awaitLifecycle;
import static io.hearth.analytics.AnalyticsApi.communityOwnedBy;
import static io.hearth.analytics.AnalyticsApi.joined;
import static io.hearth.analytics.AnalyticsApi.posted;
import static io.hearth.testing.Requests.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hearth.contracts.events.PartnerAccessGranted;
import io.hearth.contracts.events.PartnerAccessRevoked;
import io.hearth.contracts.events.PartnerScope;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Partners' webhooks end to end inside analytics: events arrive on the real broker, deliveries go over HTTP to a
 * receiver in this test that verifies Hearth-Signature as a partner would.
 */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class WebhookDeliveryTest {
    static final String SUBSCRIPTIONS = "/communities/{id}/webhook-subscriptions";
    static final String DELIVERIES = SUBSCRIPTIONS + "/{subscriptionId}/deliveries";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void signedEventIsRetriedAfterA500AndThenDelivered() throws Exception {
        String owner = "owner-" + UUID.randomUUID();
        String community = communityOwnedBy(owner);
        String client = "crm-" + UUID.randomUUID();
        granted(community, client, owner, PartnerScope.EVENTS_SUBSCRIBE);
        AtomicInteger answers = new AtomicInteger();
        try (WebhookReceiver receiver = new WebhookReceiver(() -> answers.getAndIncrement() == 0 ? 500 : 204)) {
            JsonPath subscription = as(TestTokens.partner(client))
                    .body(Map.of("url", receiver.url(), "eventTypes", List.of("hearth.post.created")))
                    .post(SUBSCRIPTIONS, community)
                    .then().statusCode(201).contentType("application/json")
                    .header("Location", containsString("/communities/" + community + "/webhook-subscriptions/"))
                    .body("clientId", equalTo(client)).body("url", equalTo(receiver.url()))
                    .body("eventTypes", equalTo(List.of("hearth.post.created")))
                    .body("secret", startsWith("whsec_"))
                    .extract().jsonPath();
            String secret = subscription.getString("secret");
            receiver.useSecret(secret);

            String member = "member-" + UUID.randomUUID();
            String eventId = posted(community, member, Instant.now());

            await().atMost(WAIT).until(() -> receiver.received(eventId).size() >= 2);
            List<WebhookReceiver.Received> attempts = receiver.received(eventId);
            assertEquals(2, attempts.size(), "one failed attempt, one delivery: " + attempts);
            assertTrue(attempts.stream().allMatch(WebhookReceiver.Received::signatureValid), attempts.toString());
            assertEquals(List.of(500, 204), attempts.stream().map(WebhookReceiver.Received::answered).toList());
            assertEquals(attempts.get(0).body(), attempts.get(1).body(), "every attempt sends the same event");
            assertEquals(attempts.get(0).deliveryId(), attempts.get(1).deliveryId());
            assertTrue(Duration.between(attempts.get(0).at(), attempts.get(1).at()).toMillis() >= 150,
                    "the retry waits for the backoff");
            assertEquals("application/cloudevents+json", attempts.get(1).contentType());

            JsonNode event = JSON.readTree(attempts.get(1).body());
            assertEquals(eventId, event.get("id").asText());
            assertEquals("1.0", event.get("specversion").asText());
            assertEquals("hearth.post.created", event.get("type").asText());
            assertEquals("/hearth/content", event.get("source").asText());
            assertEquals(community, event.get("subject").asText());
            assertEquals(member, event.get("data").get("authorId").asText());
            assertTrue(event.hasNonNull("time"));

            // The receiver's check is one that fails: another secret, a changed body or a stale timestamp.
            WebhookReceiver.Received delivered = attempts.get(1);
            assertTrue(WebhookReceiver.verify(secret, delivered.signature(), delivered.body(), delivered.at()));
            assertFalse(WebhookReceiver.verify(secret + "x", delivered.signature(), delivered.body(), delivered.at()));
            assertFalse(WebhookReceiver.verify(secret, delivered.signature(), delivered.body() + " ", delivered.at()));
            assertFalse(WebhookReceiver.verify(secret, delivered.signature(), delivered.body(),
                    delivered.at().plus(Duration.ofMinutes(5)).plusSeconds(2)));

            String id = subscription.getString("id");
            await().atMost(WAIT).untilAsserted(() -> as(TestTokens.partner(client))
                    .get(DELIVERIES, community, id).then().statusCode(200)
                    .body("items", hasSize(1))
                    .body("items[0].eventId", equalTo(eventId))
                    .body("items[0].id", equalTo(delivered.deliveryId()))
                    .body("items[0].eventType", equalTo("hearth.post.created"))
                    .body("items[0].status", equalTo("DELIVERED"))
                    .body("items[0].attempts", equalTo(2))
                    .body("items[0].lastStatusCode", equalTo(204)));
            // The owner sees the same log; the secret is shown nowhere after the 201.
            as(TestTokens.operator(owner)).get(DELIVERIES, community, id).then().statusCode(200)
                    .body("items[0].status", equalTo("DELIVERED"));
            as(TestTokens.operator(owner)).get(SUBSCRIPTIONS, community).then().statusCode(200)
                    .body("id", equalTo(List.of(id))).body("[0].secret", equalTo(null));
        }
    }

    @Test
    void nothingIsDeliveredAfterTheGrantIsRevoked() throws Exception {
        String owner = "owner-" + UUID.randomUUID();
        String community = communityOwnedBy(owner);
        String client = "crm-" + UUID.randomUUID();
        granted(community, client, owner, PartnerScope.EVENTS_SUBSCRIBE);
        String member = "member-" + UUID.randomUUID();
        joined(community, member, Instant.now().minus(Duration.ofHours(1)));
        // A receiver that is down: the first event stays in retry until the grant goes.
        try (WebhookReceiver receiver = new WebhookReceiver(() -> 503)) {
            JsonPath subscription = as(TestTokens.partner(client))
                    .body(Map.of("url", receiver.url(), "eventTypes", List.of("hearth.post.created")))
                    .post(SUBSCRIPTIONS, community).then().statusCode(201).extract().jsonPath();
            String id = subscription.getString("id");
            receiver.useSecret(subscription.getString("secret"));
            String before = KafkaEvents.publish(AnalyticsApi.post(community, "someone-" + UUID.randomUUID()),
                    Instant.now());
            await().atMost(WAIT).until(() -> !receiver.received(before).isEmpty());

            KafkaEvents.publish(new PartnerAccessRevoked(community, client, owner), Instant.now());
            await().atMost(WAIT).untilAsserted(() -> as(TestTokens.partner(client)).get(SUBSCRIPTIONS, community)
                    .then().statusCode(403).body("type", equalTo("https://hearth.dev/problems/partner-scope-missing")));

            // The delivery in retry is dropped, with the reason, and never attempted again.
            await().atMost(WAIT).untilAsserted(() -> as(TestTokens.operator(owner)).get(DELIVERIES, community, id)
                    .then().statusCode(200)
                    .body("items.find { it.eventId == '" + before + "' }.status", equalTo("DROPPED"))
                    .body("items.find { it.eventId == '" + before + "' }.lastError",
                            containsString("events:subscribe")));
            int attemptsBefore = receiver.received(before).size();

            // An event after the revocation: once analytics has applied it (the funnel counts the post), it has
            // no delivery, and the receiver never heard of it.
            String after = posted(community, member, Instant.now());
            awaitLifecycle(community, owner, Map.of(), funnel -> assertEquals(1L, funnel.counts().get(1)));
            as(TestTokens.operator(owner)).get(DELIVERIES, community, id).then().statusCode(200)
                    .body("items.eventId", equalTo(List.of(before)));
            assertEquals(List.of(), receiver.received(after));
            assertEquals(attemptsBefore, receiver.received(before).size());
        }
    }

    @Test
    void addressIsCheckedAgainAtEveryAttempt() throws Exception {
        String owner = "owner-" + UUID.randomUUID();
        String community = communityOwnedBy(owner);
        String client = "crm-" + UUID.randomUUID();
        granted(community, client, owner, PartnerScope.EVENTS_SUBSCRIBE);
        try (WebhookReceiver receiver = new WebhookReceiver(() -> 200)) {
            String id = as(TestTokens.partner(client))
                    .body(Map.of("url", receiver.url(), "eventTypes", List.of("hearth.post.created")))
                    .post(SUBSCRIPTIONS, community).then().statusCode(201).extract().path("id");
            // As if the host now resolved somewhere inside (DNS rebinding): a name for the same receiver that is not
            // on the allow-list. The subscription check passed; the attempt's own check must refuse it.
            try (Connection db = HearthTestResource.openDatabase();
                    PreparedStatement update = db.prepareStatement(
                            "update webhook_subscription set url = ? where id = ?::uuid")) {
                update.setString(1, "http://localhost:" + receiver.port() + "/hooks/hearth");
                update.setString(2, id);
                assertEquals(1, update.executeUpdate());
            }
            String eventId = posted(community, "member-" + UUID.randomUUID(), Instant.now());

            await().atMost(WAIT).untilAsserted(() -> as(TestTokens.partner(client))
                    .get(DELIVERIES, community, id).then().statusCode(200)
                    .body("items[0].eventId", equalTo(eventId))
                    .body("items[0].status", equalTo("PENDING"))
                    .body("items[0].attempts", greaterThanOrEqualTo(2))
                    .body("items[0].lastError", containsString("not a public address"))
                    .body("items[0].lastStatusCode", equalTo(null)));
            assertEquals(List.of(), receiver.all());
        }
    }

    @Test
    void urlsOutsideTheInternetAreRefused() throws Exception {
        String owner = "owner-" + UUID.randomUUID();
        String community = communityOwnedBy(owner);
        String client = "crm-" + UUID.randomUUID();
        granted(community, client, owner, PartnerScope.EVENTS_SUBSCRIBE);
        try (WebhookReceiver receiver = new WebhookReceiver(() -> 200)) {
            List<String> refused = List.of(
                    "http://10.0.0.1/hooks",
                    "http://172.16.5.4/",
                    "http://192.168.1.10/",
                    "http://169.254.169.254/latest/meta-data/",
                    "http://[::1]:" + receiver.port() + "/",
                    "http://[fd00::1]/",
                    "http://[fe80::1]/",
                    "http://[::ffff:10.0.0.1]/",
                    "http://0.0.0.0/",
                    "http://224.0.0.1/",
                    "http://100.64.0.1/",
                    // A name for 127.0.0.1: only the literal host on the allow-list is let through.
                    "http://localhost:" + receiver.port() + "/",
                    "http://user:pass@127.0.0.1:" + receiver.port() + "/",
                    "ftp://127.0.0.1/",
                    "file:///etc/passwd",
                    "http://no-such-host.invalid/");
            for (String url : refused) {
                as(TestTokens.partner(client)).body(Map.of("url", url, "eventTypes", List.of("hearth.member.joined")))
                        .post(SUBSCRIPTIONS, community)
                        .then().statusCode(422).contentType("application/problem+json")
                        .body("type", equalTo("https://hearth.dev/problems/webhook-url-refused"));
            }
            as(TestTokens.partner(client)).body(Map.of("url", "not a url", "eventTypes",
                    List.of("hearth.member.joined"))).post(SUBSCRIPTIONS, community)
                    .then().statusCode(400).body("type", equalTo("https://hearth.dev/problems/validation"));
            as(TestTokens.partner(client)).body(Map.of("url", receiver.url(), "eventTypes",
                    List.of("hearth.member.teleported"))).post(SUBSCRIPTIONS, community)
                    .then().statusCode(400).body("violations[0].field", equalTo("eventTypes"));
            as(TestTokens.partner(client)).get(SUBSCRIPTIONS, community).then().statusCode(200).body("", hasSize(0));
            assertEquals(List.of(), receiver.all());
        }
    }

    @Test
    void onlyAPartnerWithEventsSubscribeSubscribesAndEachSeesItsOwn() throws Exception {
        String owner = "owner-" + UUID.randomUUID();
        String community = communityOwnedBy(owner);
        String client = "crm-" + UUID.randomUUID();
        String other = "bi-" + UUID.randomUUID();
        String reader = "reader-" + UUID.randomUUID();
        granted(community, client, owner, PartnerScope.EVENTS_SUBSCRIBE);
        granted(community, other, owner, PartnerScope.EVENTS_SUBSCRIBE);
        KafkaEvents.publish(new PartnerAccessGranted(community, reader, List.of(PartnerScope.MEMBERS_READ,
                PartnerScope.ANALYTICS_READ), owner), Instant.now());
        try (WebhookReceiver receiver = new WebhookReceiver(() -> 200)) {
            Map<String, Object> body = Map.of("url", receiver.url(), "eventTypes", List.of("hearth.member.joined"));
            // Once the reader may read the funnel, its grant (published last) is in the replica.
            await().atMost(WAIT).untilAsserted(() -> as(TestTokens.partner(reader))
                    .get(AnalyticsApi.LIFECYCLE, community).then().statusCode(200));
            as(TestTokens.partner(reader)).body(body).post(SUBSCRIPTIONS, community).then().statusCode(403)
                    .body("type", equalTo("https://hearth.dev/problems/partner-scope-missing"));
            as(TestTokens.operator(owner)).body(body).post(SUBSCRIPTIONS, community).then().statusCode(403)
                    .body("type", equalTo("https://hearth.dev/problems/forbidden"));
            as(TestTokens.partner("stranger-" + UUID.randomUUID())).body(body).post(SUBSCRIPTIONS, community)
                    .then().statusCode(403);
            String id = as(TestTokens.partner(client)).body(body).post(SUBSCRIPTIONS, community)
                    .then().statusCode(201).extract().path("id");

            // Another partner neither sees nor touches it; a member does not see it; the owner does.
            as(TestTokens.partner(other)).get(SUBSCRIPTIONS, community).then().statusCode(200).body("", hasSize(0));
            as(TestTokens.partner(other)).get(DELIVERIES, community, id).then().statusCode(404);
            as(TestTokens.partner(other)).delete(SUBSCRIPTIONS + "/{s}", community, id).then().statusCode(404);
            as(TestTokens.member("member-" + UUID.randomUUID())).get(SUBSCRIPTIONS, community).then().statusCode(403);
            as(TestTokens.operator(owner)).get(SUBSCRIPTIONS, community).then().statusCode(200)
                    .body("clientId", equalTo(List.of(client)));
            // Not in another community either.
            String elsewhere = communityOwnedBy(owner);
            as(TestTokens.operator(owner)).get(DELIVERIES, elsewhere, id).then().statusCode(404);

            as(TestTokens.partner(client)).delete(SUBSCRIPTIONS + "/{s}", community, id).then().statusCode(204);
            as(TestTokens.operator(owner)).get(SUBSCRIPTIONS, community).then().statusCode(200).body("", hasSize(0));
            as(TestTokens.partner(client)).get(DELIVERIES, community, id).then().statusCode(404);
        }
    }

    @Test
    void partnerReadsTheFunnelOnlyWithAnalyticsRead() {
        String owner = "owner-" + UUID.randomUUID();
        String community = communityOwnedBy(owner);
        String client = "bi-" + UUID.randomUUID();
        as(TestTokens.partner(client)).get(AnalyticsApi.LIFECYCLE, community).then().statusCode(403)
                .body("type", equalTo("https://hearth.dev/problems/partner-scope-missing"));
        KafkaEvents.publish(new PartnerAccessGranted(community, client, List.of(PartnerScope.ANALYTICS_READ), owner),
                Instant.now());
        await().atMost(WAIT).untilAsserted(() -> as(TestTokens.partner(client)).get(AnalyticsApi.LIFECYCLE, community)
                .then().statusCode(200).body("communityId", equalTo(community)));
        KafkaEvents.publish(new PartnerAccessGranted(community, client, List.of(PartnerScope.MEMBERS_READ), owner),
                Instant.now());
        await().atMost(WAIT).untilAsserted(() -> as(TestTokens.partner(client)).get(AnalyticsApi.LIFECYCLE, community)
                .then().statusCode(403));
    }

    /** Grants the client these scopes through membership's event and waits until analytics' replica has it. */
    private static void granted(String community, String client, String owner, PartnerScope... scopes) {
        KafkaEvents.publish(new PartnerAccessGranted(community, client, List.of(scopes), owner), Instant.now());
        await().atMost(WAIT).untilAsserted(() -> as(TestTokens.partner(client)).get(SUBSCRIPTIONS, community)
                .then().statusCode(200));
    }
}
