package io.hearth.activity;

import static io.hearth.testing.Requests.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.EventCreated;
import io.hearth.contracts.events.EventType;
import io.hearth.contracts.events.MemberMuted;
import io.hearth.contracts.events.Topics;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.PublishedEvent;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Staff create events; members list the upcoming ones and see one with their registration. */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class EventResourceTest {
    private static final String EVENT_INVALID = "https://hearth.dev/problems/event-invalid";
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Inject
    MovableClock clock;

    private final String community = UUID.randomUUID().toString();
    private final String owner = "owner-" + UUID.randomUUID();
    private final String member = "member-" + UUID.randomUUID();

    @BeforeEach
    void arrange() {
        clock.setTo(NOW);
        ActivityApi.join(community, owner, CommunityRole.OWNER);
        ActivityApi.join(community, member, CommunityRole.MEMBER);
    }

    @AfterEach
    void releaseTheClock() {
        clock.reset();
    }

    @Test
    void staffCreateAMeetupWhichIsPublishedKeyedByCommunity() {
        Instant start = NOW.plus(Duration.ofDays(3));
        Map<String, Object> body = EventsApi.meetup("Saturday long run", start, start.plusSeconds(7200), 20);
        body.put("description", "  12 km, easy pace.  ");
        var created = as(TestTokens.member(owner)).body(body).post("/communities/{id}/events", community)
                .then().statusCode(201)
                .body("communityId", equalTo(community)).body("title", equalTo("Saturday long run"))
                .body("description", equalTo("12 km, easy pace.")).body("startsAt", equalTo(start.toString()))
                .body("endsAt", equalTo(start.plusSeconds(7200).toString())).body("capacity", equalTo(20))
                .body("location", equalTo("Boathouse, West Lake")).body("url", nullValue())
                .body("online", equalTo(false)).body("registered", equalTo(0)).body("waitlisted", equalTo(0))
                .body("placesLeft", equalTo(20)).body("createdBy", equalTo(owner))
                .body("createdAt", equalTo(NOW.toString()))
                .extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/communities/" + community + "/events/" + id));

        PublishedEvent event = KafkaEvents.awaitEvent(EventType.EVENT_CREATED, e -> e.subject().equals(community));
        assertEquals(Topics.ACTIVITY, event.topic());
        assertEquals(community, event.key());
        assertEquals(NOW, event.time());
        assertEquals(new EventCreated(community, id, "Saturday long run", start, start.plusSeconds(7200), 20, false,
                owner), event.data(EventCreated.class));
    }

    @Test
    void adminCreatesAnOnlineSessionAtAUrl() {
        String admin = "admin-" + UUID.randomUUID();
        ActivityApi.join(community, admin, CommunityRole.ADMIN);
        Instant start = NOW.plus(Duration.ofDays(1));
        Map<String, Object> body = EventsApi.meetup("Pacing Q&A", start, start.plusSeconds(3600), 100);
        body.remove("location");
        body.put("url", "https://meet.example.com/pacing");
        String id = as(TestTokens.member(admin)).body(body).post("/communities/{id}/events", community)
                .then().statusCode(201).body("online", equalTo(true)).body("location", nullValue())
                .body("url", equalTo("https://meet.example.com/pacing")).extract().path("id");
        EventCreated created = KafkaEvents.awaitEvent(EventType.EVENT_CREATED,
                e -> e.data(EventCreated.class).eventId().equals(id)).data(EventCreated.class);
        assertTrue(created.online());
    }

    @Test
    void impossibleEventsAreRefused422WithTheFieldsAndNothingIsPublished() {
        Instant start = NOW.plus(Duration.ofDays(2));
        assertInvalid(EventsApi.meetup("Ends before it starts", start, start, 10), "endsAt");
        assertInvalid(EventsApi.meetup("Ends earlier", start, start.minusSeconds(60), 10), "endsAt");
        assertInvalid(EventsApi.meetup("Started already", NOW.minusSeconds(1), NOW.plusSeconds(3600), 10),
                "startsAt");
        assertInvalid(EventsApi.meetup("Starts right now", NOW, NOW.plusSeconds(3600), 10), "startsAt");
        assertInvalid(EventsApi.meetup("Nobody fits", start, start.plusSeconds(3600), 0), "capacity");
        assertInvalid(EventsApi.meetup("Less than nobody", start, start.plusSeconds(3600), -3), "capacity");
        Map<String, Object> both = EventsApi.meetup("Both places", start, start.plusSeconds(3600), 10);
        both.put("url", "https://meet.example.com/x");
        assertInvalid(both, "url");
        Map<String, Object> neither = EventsApi.meetup("Nowhere", start, start.plusSeconds(3600), 10);
        neither.remove("location");
        assertInvalid(neither, "location");
        Map<String, Object> blank = EventsApi.meetup("Blank place", start, start.plusSeconds(3600), 10);
        blank.put("location", "   ");
        assertInvalid(blank, "location");

        // Every broken rule at once is named at once.
        Map<String, Object> all = EventsApi.meetup("Everything wrong", NOW.minusSeconds(5), NOW.minusSeconds(10), 0);
        all.put("url", "https://meet.example.com/x");
        as(TestTokens.member(owner)).body(all).post("/communities/{id}/events", community).then().statusCode(422)
                .body("violations.field", containsInAnyOrder("startsAt", "endsAt", "url", "capacity"));

        assertNoEventCreatedAfterAValidOne();
    }

    @Test
    void malformedBodiesAre400() {
        Instant start = NOW.plus(Duration.ofDays(2));
        Map<String, Object> noTitle = EventsApi.meetup(" ", start, start.plusSeconds(3600), 10);
        as(TestTokens.member(owner)).body(noTitle).post("/communities/{id}/events", community).then()
                .statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("title"));
        Map<String, Object> notHttp = EventsApi.meetup("Odd link", start, start.plusSeconds(3600), 10);
        notHttp.remove("location");
        notHttp.put("url", "javascript:alert(1)");
        as(TestTokens.member(owner)).body(notHttp).post("/communities/{id}/events", community).then()
                .statusCode(400).body("violations.field", hasItem("url"));
        Map<String, Object> noStart = EventsApi.meetup("No start", start, start.plusSeconds(3600), 10);
        noStart.remove("startsAt");
        as(TestTokens.member(owner)).body(noStart).post("/communities/{id}/events", community).then()
                .statusCode(400).body("violations.field", hasItem("startsAt"));
        as(TestTokens.member(owner)).body(EventsApi.meetup("Stadium", start, start.plusSeconds(3600), 100_001))
                .post("/communities/{id}/events", community).then().statusCode(400)
                .body("violations.field", hasItem("capacity"));
    }

    @Test
    void membersOutsidersAndMutedStaffCannotCreate() {
        Instant start = NOW.plus(Duration.ofDays(2));
        Map<String, Object> body = EventsApi.meetup("Not theirs", start, start.plusSeconds(3600), 10);
        as(TestTokens.member(member)).body(body).post("/communities/{id}/events", community).then().statusCode(403)
                .body("type", equalTo("https://hearth.dev/problems/forbidden"));
        as(TestTokens.member("stranger-" + UUID.randomUUID())).body(body).post("/communities/{id}/events", community)
                .then().statusCode(403);

        String mutedAdmin = "admin-" + UUID.randomUUID();
        ActivityApi.join(community, mutedAdmin, CommunityRole.ADMIN);
        KafkaEvents.publish(new MemberMuted(community, mutedAdmin, Instant.now().plus(Duration.ofHours(1)), null,
                owner), Instant.now());
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> as(TestTokens.member(mutedAdmin))
                .body(body).post("/communities/{id}/events", community).statusCode() == 403);
        as(TestTokens.member(mutedAdmin)).body(body).post("/communities/{id}/events", community).then()
                .statusCode(403).body("type", equalTo("https://hearth.dev/problems/muted"));
        assertNoEventCreatedAfterAValidOne();
    }

    @Test
    void aRepeatedIdempotencyKeyReturnsTheSameEvent() {
        Instant start = NOW.plus(Duration.ofDays(2));
        Map<String, Object> body = EventsApi.meetup("Once", start, start.plusSeconds(3600), 10);
        String key = UUID.randomUUID().toString();
        String first = as(TestTokens.member(owner)).header("Idempotency-Key", key).body(body)
                .post("/communities/{id}/events", community).then().statusCode(201).extract().path("id");
        as(TestTokens.member(owner)).header("Idempotency-Key", key).body(body)
                .post("/communities/{id}/events", community).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first));
        assertEquals(1, KafkaEvents.events(EventType.EVENT_CREATED, e -> e.subject().equals(community)).size());
    }

    @Test
    void membersListUpcomingEventsByStartInPagesAndEndedOnesDrop() {
        // Created out of order; two start at the same instant.
        Instant t = NOW.plus(Duration.ofDays(1));
        String third = EventsApi.create(community, owner, t.plus(Duration.ofHours(5)), 5);
        String first = EventsApi.create(community, owner, t.plus(Duration.ofHours(1)), 5);
        String second = EventsApi.create(community, owner, t.plus(Duration.ofHours(1)), 5);
        String fourth = EventsApi.create(community, owner, t.plus(Duration.ofDays(10)), 5);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = as(TestTokens.member(member)).queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("after", cursor);
            }
            var page = request.get("/communities/{id}/events", community).then().statusCode(200).extract();
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertEquals(List.of(first, second, third, fourth), seen);

        // Once the first three have ended (two hours each), only the fourth is upcoming.
        clock.setTo(t.plus(Duration.ofHours(7)).plusSeconds(1));
        as(TestTokens.member(member)).get("/communities/{id}/events", community).then().statusCode(200)
                .body("items.id", equalTo(List.of(fourth))).body("nextCursor", nullValue());
        as(TestTokens.member(member)).queryParam("after", "not-a-cursor").get("/communities/{id}/events", community)
                .then().statusCode(400).body("violations.field", hasItem("after"));
    }

    @Test
    void oneEventShowsItsCountsAndTheCallersRegistration() {
        String event = EventsApi.create(community, owner, NOW.plus(Duration.ofDays(2)), 1);
        EventsApi.get(community, event, member).response().then().statusCode(200).body("id", equalTo(event))
                .body("registered", equalTo(0)).body("placesLeft", equalTo(1)).body("registration", nullValue());
        String waiting = "member-" + UUID.randomUUID();
        ActivityApi.join(community, waiting, CommunityRole.MEMBER);
        EventsApi.register(community, event, member).response().then().statusCode(201);
        EventsApi.register(community, event, waiting).response().then().statusCode(201);

        EventsApi.get(community, event, member).response().then().statusCode(200)
                .body("registered", equalTo(1)).body("waitlisted", equalTo(1)).body("placesLeft", equalTo(0))
                .body("registration.status", equalTo("REGISTERED")).body("registration.position", nullValue())
                .body("registration.attended", equalTo(false));
        EventsApi.get(community, event, waiting).response().then().statusCode(200)
                .body("registration.status", equalTo("WAITLISTED")).body("registration.position", equalTo(1))
                .body("registration.userId", equalTo(waiting));
        EventsApi.get(community, event, owner).response().then().statusCode(200).body("registration", nullValue());
    }

    @Test
    void unknownEventIs404AndOutsidersAre403() {
        String unknown = UUID.randomUUID().toString();
        EventsApi.get(community, unknown, member).response().then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("https://hearth.dev/problems/not-found"));
        // Another community's event is unknown here.
        String elsewhere = UUID.randomUUID().toString();
        ActivityApi.join(elsewhere, owner, CommunityRole.OWNER);
        String theirs = EventsApi.create(elsewhere, owner, NOW.plus(Duration.ofDays(2)), 3);
        EventsApi.get(community, theirs, member).response().then().statusCode(404);

        String stranger = "stranger-" + UUID.randomUUID();
        EventsApi.get(elsewhere, theirs, stranger).response().then().statusCode(403);
        as(TestTokens.member(stranger)).get("/communities/{id}/events", elsewhere).then().statusCode(403);
    }

    private void assertInvalid(Map<String, Object> body, String field) {
        as(TestTokens.member(owner)).body(body).post("/communities/{id}/events", community).then().statusCode(422)
                .contentType("application/problem+json").body("type", equalTo(EVENT_INVALID))
                .body("violations.field", equalTo(List.of(field)));
    }

    /** No hearth.event.created of this community but the one of a valid event created last. */
    private void assertNoEventCreatedAfterAValidOne() {
        String valid = EventsApi.create(community, owner, NOW.plus(Duration.ofDays(5)), 1);
        EventsApi.awaitMarker(community, EventType.EVENT_CREATED,
                e -> e.data(EventCreated.class).eventId().equals(valid));
        assertEquals(List.of(valid), EventsApi.published(community, EventType.EVENT_CREATED, EventCreated.class)
                .stream().map(EventCreated::eventId).toList());
    }
}
