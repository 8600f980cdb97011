package io.hearth.activity;

import static io.hearth.testing.Requests.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.EventRegistered;
import io.hearth.contracts.events.EventRegistrationCancelled;
import io.hearth.contracts.events.EventType;
import io.hearth.contracts.events.EventWaitlistPromoted;
import io.hearth.contracts.events.MemberMuted;
import io.hearth.contracts.events.NoticeIssued;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Members register for events, wait when they are full, cancel, and the first waiting moves up. */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class EventRegistrationTest {
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
    void membersTakeThePlacesThenWaitInOrderAndEachRegistrationIsPublished() {
        String event = EventsApi.create(community, owner, START, 2);
        List<String> members = members(4);

        for (int i = 0; i < 2; i++) {
            EventsApi.register(community, event, members.get(i)).response().then().statusCode(201)
                    .header("Location", endsWith("/communities/" + community + "/events/" + event))
                    .body("status", equalTo("REGISTERED")).body("position", nullValue())
                    .body("userId", equalTo(members.get(i))).body("eventId", equalTo(event))
                    .body("registeredAt", equalTo(NOW.toString())).body("attended", equalTo(false));
        }
        for (int i = 2; i < 4; i++) {
            EventsApi.register(community, event, members.get(i)).response().then().statusCode(201)
                    .body("status", equalTo("WAITLISTED")).body("position", equalTo(i - 1));
        }
        EventsApi.get(community, event, owner).response().then().statusCode(200).body("registered", equalTo(2))
                .body("waitlisted", equalTo(2)).body("placesLeft", equalTo(0));

        KafkaEvents.awaitEvents(EventType.EVENT_REGISTERED, e -> e.subject().equals(community), 4);
        assertEquals(List.of(new EventRegistered(community, event, members.get(0), "REGISTERED", null),
                new EventRegistered(community, event, members.get(1), "REGISTERED", null),
                new EventRegistered(community, event, members.get(2), "WAITLISTED", 1),
                new EventRegistered(community, event, members.get(3), "WAITLISTED", 2)),
                EventsApi.published(community, EventType.EVENT_REGISTERED, EventRegistered.class));
    }

    @Test
    void aSecondRegistrationIs409WhetherRegisteredOrWaiting() {
        String event = EventsApi.create(community, owner, START, 1);
        List<String> members = members(2);
        EventsApi.register(community, event, members.get(0)).response().then().statusCode(201);
        EventsApi.register(community, event, members.get(1)).response().then().statusCode(201)
                .body("status", equalTo("WAITLISTED"));
        for (String member : members) {
            EventsApi.register(community, event, member).response().then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://hearth.dev/problems/already-registered"));
        }
        EventsApi.get(community, event, owner).response().then().body("registered", equalTo(1))
                .body("waitlisted", equalTo(1));
        assertOnlyRegistrationsBeforeAMarker(event, 2);
    }

    @Test
    void registeringOnceTheEventStartedIs422() {
        String event = EventsApi.create(community, owner, START, 5);
        String member = members(1).get(0);
        clock.setTo(START);
        EventsApi.register(community, event, member).response().then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://hearth.dev/problems/event-started"));
        clock.setTo(START.minusMillis(1));
        EventsApi.register(community, event, member).response().then().statusCode(201);
    }

    @Test
    void outsidersMutedMembersAndUnknownEventsAreRefused() {
        String event = EventsApi.create(community, owner, START, 5);
        EventsApi.register(community, event, "stranger-" + UUID.randomUUID()).response().then().statusCode(403)
                .body("type", equalTo("https://hearth.dev/problems/forbidden"));
        EventsApi.register(community, UUID.randomUUID().toString(), owner).response().then().statusCode(404)
                .body("type", equalTo("https://hearth.dev/problems/not-found"));

        String muted = members(1).get(0);
        Instant until = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MILLIS);
        KafkaEvents.publish(new MemberMuted(community, muted, until, "Spam", owner), Instant.now());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> EventsApi.register(community, event, muted).statusCode() == 403);
        EventsApi.register(community, event, muted).response().then().statusCode(403)
                .body("type", equalTo("https://hearth.dev/problems/muted"));
        EventsApi.get(community, event, owner).response().then().body("registered", equalTo(0));
        assertOnlyRegistrationsBeforeAMarker(event, 0);
    }

    @Test
    void cancellingAPlacePromotesTheFirstWaitingWhoIsToldInTheirInbox() {
        String event = EventsApi.create(community, owner, START, 2);
        List<String> m = members(5);
        m.forEach(member -> EventsApi.register(community, event, member).response().then().statusCode(201));

        EventsApi.cancel(community, event, m.get(0)).response().then().statusCode(204);

        EventsApi.get(community, event, m.get(2)).response().then().body("registered", equalTo(2))
                .body("waitlisted", equalTo(2)).body("registration.status", equalTo("REGISTERED"))
                .body("registration.promotedAt", equalTo(NOW.toString()));
        EventsApi.get(community, event, m.get(3)).response().then().body("registration.position", equalTo(1));
        EventsApi.get(community, event, m.get(4)).response().then().body("registration.position", equalTo(2));
        EventsApi.get(community, event, m.get(0)).response().then().body("registration", nullValue());

        KafkaEvents.awaitEvent(EventType.NOTICE_ISSUED, e -> e.subject().equals(community));
        assertEquals(List.of(new EventRegistrationCancelled(community, event, m.get(0), "REGISTERED")),
                EventsApi.published(community, EventType.EVENT_REGISTRATION_CANCELLED,
                        EventRegistrationCancelled.class));
        assertEquals(List.of(new EventWaitlistPromoted(community, event, m.get(2))),
                EventsApi.published(community, EventType.EVENT_WAITLIST_PROMOTED, EventWaitlistPromoted.class));
        NoticeIssued notice = EventsApi.notices(community, "event-waitlist-promoted").get(0);
        assertEquals(m.get(2), notice.userId());
        assertEquals("/communities/" + community + "/events/" + event, notice.ref());
        assertEquals("You have a place: Run " + START, notice.title());

        // The one who cancelled may register again, at the end of the waitlist.
        EventsApi.register(community, event, m.get(0)).response().then().statusCode(201)
                .body("status", equalTo("WAITLISTED")).body("position", equalTo(3));
    }

    @Test
    void leavingTheWaitlistMovesUpThoseBehindAndPromotesNobody() {
        String event = EventsApi.create(community, owner, START, 1);
        List<String> m = members(3);
        m.forEach(member -> EventsApi.register(community, event, member).response().then().statusCode(201));

        EventsApi.cancel(community, event, m.get(1)).response().then().statusCode(204);
        EventsApi.get(community, event, m.get(2)).response().then().body("registered", equalTo(1))
                .body("waitlisted", equalTo(1)).body("registration.status", equalTo("WAITLISTED"))
                .body("registration.position", equalTo(1));

        EventsApi.awaitMarker(community, EventType.EVENT_REGISTRATION_CANCELLED, e -> true);
        assertEquals(List.of(new EventRegistrationCancelled(community, event, m.get(1), "WAITLISTED")),
                EventsApi.published(community, EventType.EVENT_REGISTRATION_CANCELLED,
                        EventRegistrationCancelled.class));
        assertEquals(List.of(), EventsApi.published(community, EventType.EVENT_WAITLIST_PROMOTED,
                EventWaitlistPromoted.class));
    }

    @Test
    void cancellingWithoutARegistrationIs404AndAfterTheStart422() {
        String event = EventsApi.create(community, owner, START, 1);
        String member = members(1).get(0);
        EventsApi.cancel(community, event, member).response().then().statusCode(404)
                .contentType("application/problem+json");
        EventsApi.cancel(community, UUID.randomUUID().toString(), member).response().then().statusCode(404);
        EventsApi.cancel(community, event, "stranger-" + UUID.randomUUID()).response().then().statusCode(403);

        EventsApi.register(community, event, member).response().then().statusCode(201);
        clock.setTo(START.plusSeconds(60));
        EventsApi.cancel(community, event, member).response().then().statusCode(422)
                .body("type", equalTo("https://hearth.dev/problems/event-started"));
        EventsApi.get(community, event, member).response().then().body("registration.status", equalTo("REGISTERED"));
    }

    @Test
    void staffListRegistrationsInOrderWithPositionsInPages() {
        String event = EventsApi.create(community, owner, START, 2);
        List<String> m = members(5);
        m.forEach(member -> EventsApi.register(community, event, member).response().then().statusCode(201));
        EventsApi.cancel(community, event, m.get(2)).response().then().statusCode(204);

        var first = as(TestTokens.member(owner)).queryParam("limit", 2)
                .get("/communities/{id}/events/{event}/registrations", community, event).then().statusCode(200)
                .body("items.userId", equalTo(List.of(m.get(0), m.get(1))))
                .body("items.status", equalTo(List.of("REGISTERED", "REGISTERED"))).extract();
        as(TestTokens.member(owner)).queryParam("limit", 2).queryParam("after", first.<String> path("nextCursor"))
                .get("/communities/{id}/events/{event}/registrations", community, event).then().statusCode(200)
                .body("items.userId", equalTo(List.of(m.get(3), m.get(4))))
                .body("items.status", equalTo(List.of("WAITLISTED", "WAITLISTED")))
                .body("items.position", equalTo(List.of(1, 2))).body("nextCursor", nullValue());

        as(TestTokens.member(m.get(0))).get("/communities/{id}/events/{event}/registrations", community, event)
                .then().statusCode(403);
        as(TestTokens.member(owner)).get("/communities/{id}/events/{event}/registrations", community,
                UUID.randomUUID()).then().statusCode(404);
    }

    private List<String> members(int count) {
        List<String> members = IntStream.range(0, count).mapToObj(i -> "member-" + i + "-" + UUID.randomUUID())
                .toList();
        members.forEach(member -> ActivityApi.join(community, member, CommunityRole.MEMBER));
        return members;
    }

    /** Exactly {@code count} registrations of {@code event} were published, once a later one is out. */
    private void assertOnlyRegistrationsBeforeAMarker(String event, int count) {
        String marker = EventsApi.create(community, owner, START, 1);
        EventsApi.register(community, marker, owner).response().then().statusCode(201);
        EventsApi.awaitMarker(community, EventType.EVENT_REGISTERED,
                e -> e.data(EventRegistered.class).eventId().equals(marker));
        assertEquals(count, EventsApi.published(community, EventType.EVENT_REGISTERED, EventRegistered.class).stream()
                .filter(r -> r.eventId().equals(event)).count());
    }
}
