package io.hearth.content;

import static io.hearth.testing.Requests.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.MemberJoined;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The database goes away and comes back, under the real broker: requests meanwhile get a 503 problem and change
 * nothing; events that arrive meanwhile wait for it and are applied, none dead-lettered, none lost.
 */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class DatabaseOutageTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @AfterEach
    void databaseIsBack() {
        HearthTestResource.startDatabase();
        // The next tests expect a ready service, and readiness checks the database's pool.
        await().atMost(WAIT).until(() -> RestAssured.get("/q/health/ready").statusCode() == 200);
    }

    @Test
    void eventsArrivingWhileTheDatabaseIsDownAreAppliedWhenItReturnsAndNoneIsDeadLettered() {
        String community = UUID.randomUUID().toString();
        String author = "a-" + UUID.randomUUID();
        ContentApi.joined(community, author, CommunityRole.MEMBER);
        // The gauge is refreshed every few seconds: wait for it to show everything applied, not a stale figure.
        await().atMost(WAIT).until(() -> replicaLag() == 0);

        HearthTestResource.stopDatabase();
        List<String> newcomers = List.of("n1-" + UUID.randomUUID(), "n2-" + UUID.randomUUID(),
                "n3-" + UUID.randomUUID());
        newcomers.forEach(person -> KafkaEvents.publish(
                new MemberJoined(community, person, CommunityRole.MEMBER, null, null, null), Instant.now()));
        // The consumer has them and cannot apply them yet: they stay behind its committed offset.
        await().atMost(WAIT).until(() -> replicaLag() >= newcomers.size());

        as(TestTokens.member(author)).body(Map.of("body", "while the database is away", "topics", List.of()))
                .post("/communities/{id}/posts", community)
                .then().statusCode(503)
                .contentType(containsString("application/problem+json"))
                .header("Retry-After", equalTo("1"))
                .body("status", equalTo(503));

        HearthTestResource.startDatabase();
        for (String person : newcomers) {
            await().atMost(WAIT).until(() -> as(TestTokens.member(person))
                    .get("/communities/{id}/posts", community).statusCode() == 200);
        }
        assertEquals(0, KafkaEvents.deadLetters("hearth.dlq.content", r -> community.equals(r.key())).size(),
                "a transient outage sent records to the dead-letter topic");
        // The refused post was not half-written: only what is posted now is there.
        ContentApi.post(community, author, "after the outage", List.of());
        as(TestTokens.member(author)).get("/communities/{id}/posts", community)
                .then().statusCode(200).body("items.body", equalTo(List.of("after the outage")));
    }

    /** The records content's membership replica has not applied, as its gauge on /q/metrics says. */
    private static long replicaLag() {
        String metrics = RestAssured.get("/q/metrics").asString();
        return metrics.lines()
                .filter(line -> line.startsWith("hearth_consumer_lag{") && line.contains("content.membership-replica"))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }
}
