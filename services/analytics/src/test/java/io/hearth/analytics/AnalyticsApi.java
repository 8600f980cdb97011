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
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hearth.contracts.events.CheckInRecorded;
import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.EntryOpened;
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
    static final String ACQUISITION = "/communities/{id}/funnels/acquisition";
    static final String PARTICIPATION = "/communities/{id}/funnels/participation";
    static final String QUESTIONS = "/communities/{id}/funnels/questions";
    static final String REFERRERS = "/communities/{id}/referrers";

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

    /** An entry or live code as its openings and joins carry it: code, channel, source label, referrer. */
    record Entry(String code, String channel, String source, String referrerId) {
        static Entry inviteLink(String source) {
            return new Entry("inv-" + UUID.randomUUID(), "INVITE_LINK", source, null);
        }

        static Entry referral(String referrerId) {
            return new Entry("ref-" + UUID.randomUUID(), "REFERRAL", null, referrerId);
        }
    }

    /** {@code visitor} opened {@code entry} (anonymously when {@code userId} is null) and saw the preview. */
    static String opened(String community, Entry entry, String visitor, String userId, Instant time) {
        return KafkaEvents.publish(new EntryOpened(community, visitor, entry.code(), null, entry.channel(),
                entry.source(), entry.referrerId(), userId), time);
    }

    /**
     * {@code person} joined as a member through {@code entry} (null for none), carrying the {@code visitor} id of
     * the opening that led there (null for none).
     */
    static String joinedThrough(String community, String person, Entry entry, String visitor, Instant time) {
        return joinedThrough(community, person, CommunityRole.MEMBER, entry, visitor, time);
    }

    static String joinedThrough(String community, String person, CommunityRole role, Entry entry, String visitor,
            Instant time) {
        return KafkaEvents.publish(new MemberJoined(community, person, role, entry == null ? null : entry.code(),
                entry == null ? null : entry.channel(), entry == null ? null : entry.referrerId(),
                entry == null ? null : entry.source(), null, visitor, person), time);
    }

    static Response acquisition(String community, String caller, Map<String, ?> params) {
        return as(TestTokens.operator(caller)).queryParams(params).get(ACQUISITION, community);
    }

    static Response referrers(String community, String caller, Map<String, ?> params) {
        return as(TestTokens.operator(caller)).queryParams(params).get(REFERRERS, community);
    }

    /** Waits until the owner's acquisition funnel satisfies {@code expected} (see {@link #awaitLifecycle}). */
    static Funnel awaitAcquisition(String community, String owner, Map<String, ?> params, Consumer<Funnel> expected) {
        return awaitFunnel(() -> acquisition(community, owner, params), expected);
    }

    /** Waits until the owner's referrer ranking satisfies {@code expected}, and returns it. */
    static JsonNode awaitReferrers(String community, String owner, Map<String, ?> params,
            Consumer<JsonNode> expected) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode ranking = JSON.readTree(referrers(community, owner, params)
                    .then().statusCode(200).extract().asString());
            last.set(ranking);
            expected.accept(ranking);
        });
        return last.get();
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
        return awaitFunnel(() -> lifecycle(community, owner, params), expected);
    }

    /** Waits until the owner's participation funnel satisfies {@code expected}, and returns it. */
    static Funnel awaitParticipation(String community, String owner, Map<String, ?> params,
            Consumer<Funnel> expected) {
        return awaitFunnel(() -> as(TestTokens.operator(owner)).queryParams(params).get(PARTICIPATION, community),
                expected);
    }

    /** Waits until the owner's question funnel satisfies {@code expected}, and returns it. */
    static Funnel awaitQuestions(String community, String owner, Map<String, ?> params, Consumer<Funnel> expected) {
        return awaitFunnel(() -> as(TestTokens.operator(owner)).queryParams(params).get(QUESTIONS, community),
                expected);
    }

    /** Polls a funnel of {@code /communities/{id}/funnels/<kind>} until it meets {@code expected}. */
    static Funnel awaitFunnel(String kind, String community, String owner, Map<String, ?> params,
            Consumer<Funnel> expected) {
        return awaitFunnel(() -> as(TestTokens.operator(owner)).queryParams(params)
                .get("/communities/{communityId}/funnels/" + kind, community), expected);
    }

    private static Funnel awaitFunnel(Supplier<Response> call, Consumer<Funnel> expected) {
        AtomicReference<Funnel> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Funnel funnel = new Funnel(JSON.readTree(call.get().then().statusCode(200).extract().asString()));
            last.set(funnel);
            expected.accept(funnel);
        });
        return last.get();
    }

    /** A funnel response, read column by column over its steps. */
    record Funnel(JsonNode json) {
        /** The funnel of one value of the breakdown. */
        Funnel segment(String value) {
            for (JsonNode segment : json.get("funnels")) {
                if (segment.get("value").asText().equals(value)) {
                    return new Funnel(segment);
                }
            }
            throw new AssertionError("no funnel for " + value + " in " + json.get("funnels"));
        }

        /** The values of the breakdown, in the order the response lists them. */
        List<String> segmentValues() {
            List<String> values = new ArrayList<>();
            json.get("funnels").forEach(segment -> values.add(segment.get("value").asText()));
            return values;
        }

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
