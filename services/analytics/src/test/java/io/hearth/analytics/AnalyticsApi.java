package io.hearth.analytics;

import static io.hearth.testing.Requests.as;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hearth.contracts.events.CheckInRecorded;
import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.MemberJoined;
import io.hearth.contracts.events.MemberLeft;
import io.hearth.contracts.events.Money;
import io.hearth.contracts.events.PaymentSucceeded;
import io.hearth.contracts.events.PostCreated;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.TestTokens;
import io.restassured.response.Response;

/**
 * Arranges analytics test data the only way analytics gets data: by publishing the events the other services
 * publish, with the event times a test needs; and reads funnels as an operator's dashboard does.
 */
final class AnalyticsApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String LIFECYCLE = "/communities/{id}/funnels/lifecycle";

    private AnalyticsApi() {
    }

    /** A new community owned by {@code owner}, once analytics' membership replica lets the owner read its funnel. */
    static String communityOwnedBy(String owner) {
        String community = UUID.randomUUID().toString();
        joined(community, owner, CommunityRole.OWNER, Instant.now());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(TestTokens.operator(owner))
                .get(LIFECYCLE, community).then().statusCode(200));
        return community;
    }

    static String joined(String community, String person, Instant time) {
        return joined(community, person, CommunityRole.MEMBER, time);
    }

    static String joined(String community, String person, CommunityRole role, Instant time) {
        return KafkaEvents.publish(new MemberJoined(community, person, role, null, null, null), time);
    }

    static String left(String community, String person, Instant time) {
        return KafkaEvents.publish(new MemberLeft(community, person), time);
    }

    static String posted(String community, String person, Instant time) {
        return KafkaEvents.publish(post(community, person), time);
    }

    static PostCreated post(String community, String person) {
        return new PostCreated(community, UUID.randomUUID().toString(), person, List.of("running"), 42);
    }

    static String checkedIn(String community, String person, Instant time) {
        return KafkaEvents.publish(checkIn(community, person, time), time);
    }

    static CheckInRecorded checkIn(String community, String person, Instant time) {
        return new CheckInRecorded(community, person, time.atZone(ZoneOffset.UTC).toLocalDate(), 1);
    }

    static String paid(String community, String person, Instant time) {
        return KafkaEvents.publish(payment(community, person), time);
    }

    static PaymentSucceeded payment(String community, String person) {
        return new PaymentSucceeded(community, UUID.randomUUID().toString(), UUID.randomUUID().toString(), person,
                new Money(990, "CNY"), "pay_" + UUID.randomUUID());
    }

    /** A member who joins at {@code joinedAt}, then posts, checks in and pays one, two and three hours later. */
    static void convertsFully(String community, String person, Instant joinedAt) {
        joined(community, person, joinedAt);
        posted(community, person, joinedAt.plus(Duration.ofHours(1)));
        checkedIn(community, person, joinedAt.plus(Duration.ofHours(2)));
        paid(community, person, joinedAt.plus(Duration.ofHours(3)));
    }

    static Response lifecycle(String community, String caller, Map<String, ?> params) {
        return as(TestTokens.operator(caller)).queryParams(params).get(LIFECYCLE, community);
    }

    /**
     * Waits until the owner's lifecycle funnel satisfies {@code expected}, and returns it. Events are consumed
     * asynchronously, so a test that expects something NOT to count also publishes a later event on the same topic
     * that does count, and waits for it: events of one community are consumed in publishing order per topic.
     */
    static Funnel awaitLifecycle(String community, String owner, Map<String, ?> params, Consumer<Funnel> expected) {
        AtomicReference<Funnel> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Funnel funnel = new Funnel(JSON.readTree(lifecycle(community, owner, params)
                    .then().statusCode(200).extract().asString()));
            last.set(funnel);
            expected.accept(funnel);
        });
        return last.get();
    }

    /** A funnel response, read column by column over its steps. */
    record Funnel(JsonNode json) {
        List<String> keys() {
            return column(n -> n.get("key").asText());
        }

        List<Long> counts() {
            return column(n -> n.get("count").asLong());
        }

        List<Long> incomplete() {
            return column(n -> n.get("incomplete").asLong());
        }

        List<Double> fromPrevious() {
            return column(n -> n.get("conversionFromPrevious").asDouble());
        }

        List<Double> fromFirst() {
            return column(n -> n.get("conversionFromFirst").asDouble());
        }

        List<Double> medianSeconds() {
            return column(n -> number(n.get("medianSecondsFromFirst")));
        }

        List<Double> meanSeconds() {
            return column(n -> number(n.get("meanSecondsFromFirst")));
        }

        private <T> List<T> column(Function<JsonNode, T> value) {
            List<T> values = new ArrayList<>();
            json.get("steps").forEach(step -> values.add(value.apply(step)));
            return values;
        }

        private static Double number(JsonNode node) {
            return node == null || node.isNull() ? null : node.asDouble();
        }
    }
}
