package io.hearth.activity;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.EventRegistered;
import io.hearth.contracts.events.EventType;
import io.hearth.contracts.events.EventWaitlistPromoted;
import io.hearth.contracts.events.NoticeIssued;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * Registrations and cancellations of one event arriving at once: places are never given twice, positions are never
 * shared, a freed place is never left empty while someone waits, and nobody is promoted twice.
 */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class EventConcurrencyTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Instant START = NOW.plus(Duration.ofDays(2));

    @Inject
    MovableClock clock;

    private final String community = UUID.randomUUID().toString();
    private final String owner = "owner-" + UUID.randomUUID();

    @BeforeEach
    void arrange() {
        clock.setTo(NOW);
        ActivityApi.join(community, owner, CommunityRole.OWNER);
    }

    @AfterEach
    void releaseTheClock() {
        clock.reset();
    }

    @Test
    void sixteenRegistrationsAtOnceForThreePlacesGiveThreePlacesAndPositionsOneToThirteen() {
        String event = EventsApi.create(community, owner, START, 3);
        List<String> members = members(16);

        List<ExtractableResponse<Response>> responses = allAtOnce(members,
                member -> EventsApi.register(community, event, member));

        responses.forEach(r -> assertEquals(201, r.statusCode(), r.asString()));
        assertEquals(3, responses.stream().filter(r -> "REGISTERED".equals(r.path("status"))).count());
        assertEquals(IntStream.rangeClosed(1, 13).boxed().toList(), responses.stream()
                .filter(r -> "WAITLISTED".equals(r.path("status"))).map(r -> r.<Integer> path("position")).sorted()
                .toList());
        EventsApi.get(community, event, owner).response().then().body("registered", equalTo(3))
                .body("waitlisted", equalTo(13)).body("placesLeft", equalTo(0));

        // What was published says the same, each member once, and positions in the order they were published.
        List<EventRegistered> published = publishedRegistrations(event);
        assertEquals(sorted(members), sorted(published.stream().map(EventRegistered::userId).toList()));
        assertEquals(3, published.stream().filter(r -> r.status().equals("REGISTERED")).count());
        assertEquals(IntStream.rangeClosed(1, 13).boxed().toList(), published.stream()
                .filter(r -> r.status().equals("WAITLISTED")).map(EventRegistered::position).toList());
    }

    @RepeatedTest(3)
    void cancellationsAtOncePromoteEachWaitingMemberOnceAndFillEveryFreedPlace() {
        String event = EventsApi.create(community, owner, START, 5);
        List<String> holders = members(5);
        List<String> waiting = members(7);
        holders.forEach(m -> EventsApi.register(community, event, m).response().then().statusCode(201)
                .body("status", equalTo("REGISTERED")));
        waiting.forEach(m -> EventsApi.register(community, event, m).response().then().statusCode(201)
                .body("status", equalTo("WAITLISTED")));

        allAtOnce(holders, m -> EventsApi.cancel(community, event, m))
                .forEach(r -> assertEquals(204, r.statusCode(), r.asString()));

        // The first five waiting hold the five places; the last two wait, first and second.
        EventsApi.get(community, event, owner).response().then().body("registered", equalTo(5))
                .body("waitlisted", equalTo(2)).body("placesLeft", equalTo(0));
        for (int i = 0; i < 5; i++) {
            EventsApi.get(community, event, waiting.get(i)).response().then()
                    .body("registration.status", equalTo("REGISTERED"));
        }
        EventsApi.get(community, event, waiting.get(5)).response().then().body("registration.position", equalTo(1));
        EventsApi.get(community, event, waiting.get(6)).response().then().body("registration.position", equalTo(2));

        // Once a later registration is out, every promotion and notice is: each of the five exactly once.
        String marker = "marker-" + UUID.randomUUID();
        ActivityApi.join(community, marker, CommunityRole.MEMBER);
        EventsApi.register(community, event, marker).response().then().statusCode(201)
                .body("status", equalTo("WAITLISTED")).body("position", equalTo(3));
        EventsApi.awaitMarker(community, EventType.EVENT_REGISTERED,
                e -> e.data(EventRegistered.class).userId().equals(marker));
        assertEquals(sorted(waiting.subList(0, 5)), sorted(EventsApi.published(community,
                EventType.EVENT_WAITLIST_PROMOTED, EventWaitlistPromoted.class).stream()
                .filter(p -> p.eventId().equals(event)).map(EventWaitlistPromoted::userId).toList()));
        assertEquals(sorted(waiting.subList(0, 5)), sorted(EventsApi.notices(community, "event-waitlist-promoted")
                .stream().map(NoticeIssued::userId).toList()));
    }

    /** The event's published registrations, once a later registration for another event is out. */
    private List<EventRegistered> publishedRegistrations(String event) {
        String other = EventsApi.create(community, owner, START, 1);
        EventsApi.register(community, other, owner).response().then().statusCode(201);
        EventsApi.awaitMarker(community, EventType.EVENT_REGISTERED,
                e -> e.data(EventRegistered.class).eventId().equals(other));
        return EventsApi.published(community, EventType.EVENT_REGISTERED, EventRegistered.class).stream()
                .filter(r -> r.eventId().equals(event)).toList();
    }

    private List<String> members(int count) {
        List<String> members = IntStream.range(0, count).mapToObj(i -> "member-" + i + "-" + UUID.randomUUID())
                .toList();
        members.forEach(member -> ActivityApi.join(community, member, CommunityRole.MEMBER));
        // Tokens are made before the race so that it is only the requests that race.
        members.forEach(TestTokens::member);
        return members;
    }

    /** Runs one call per member, all released at the same moment; their responses. */
    private static List<ExtractableResponse<Response>> allAtOnce(List<String> members,
            Function<String, ExtractableResponse<Response>> call) {
        ExecutorService pool = Executors.newFixedThreadPool(members.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<CompletableFuture<ExtractableResponse<Response>>> calls = members.stream()
                    .map(m -> CompletableFuture.supplyAsync(() -> {
                        try {
                            start.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return call.apply(m);
                    }, pool))
                    .toList();
            start.countDown();
            return calls.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdown();
        }
    }

    /** Sorted, duplicates kept: equal to another such list only if each id occurs as often. */
    private static List<String> sorted(Collection<String> ids) {
        return ids.stream().sorted().toList();
    }
}
