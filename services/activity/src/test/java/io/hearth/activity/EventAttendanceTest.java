package io.hearth.activity;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.hearth.contracts.events.ActivityEvents;
import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.EventAttended;
import io.hearth.contracts.events.EventType;
import io.hearth.contracts.events.MemberMuted;
import io.hearth.contracts.events.Topics;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.PublishedEvent;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Members holding a place record attendance from an hour before the start to the end; attendance is activity. */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class EventAttendanceTest {
    private static final String WINDOW = "https://hearth.dev/problems/attendance-window";
    private static final String NOT_REGISTERED = "https://hearth.dev/problems/not-registered";
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Instant START = NOW.plus(Duration.ofDays(2));
    /** EventsApi.create makes two-hour events. */
    private static final Instant END = START.plus(Duration.ofHours(2));

    @Inject
    MovableClock clock;

    private final String community = UUID.randomUUID().toString();
    private final String owner = "owner-" + UUID.randomUUID();
    private final String member = "member-" + UUID.randomUUID();
    private String event;

    @BeforeEach
    void arrange() {
        clock.setTo(NOW);
        ActivityApi.join(community, owner, CommunityRole.OWNER);
        ActivityApi.join(community, member, CommunityRole.MEMBER);
        event = EventsApi.create(community, owner, START, 1);
        EventsApi.register(community, event, member).response().then().statusCode(201)
                .body("status", equalTo("REGISTERED"));
    }

    @AfterEach
    void releaseTheClock() {
        clock.reset();
    }

    @Test
    void aRegisteredMemberAttendsOnceAndTheAttendanceIsPublishedAsActivity() {
        Instant at = START.minus(Duration.ofMinutes(20));
        clock.setTo(at);
        EventsApi.attend(community, event, member).response().then().statusCode(201)
                .body("attendedAt", equalTo(at.toString())).body("counted", equalTo(true))
                .body("userId", equalTo(member)).body("eventId", equalTo(event));
        clock.setTo(START.plus(Duration.ofMinutes(30)));
        EventsApi.attend(community, event, member).response().then().statusCode(200)
                .body("attendedAt", equalTo(at.toString())).body("counted", equalTo(false));
        EventsApi.get(community, event, member).response().then().body("registration.attended", equalTo(true))
                .body("registration.attendedAt", equalTo(at.toString()));

        PublishedEvent attended = KafkaEvents.awaitEvent(EventType.EVENT_ATTENDED, e -> e.subject().equals(community));
        assertEquals(Topics.ACTIVITY, attended.topic());
        assertEquals(community, attended.key());
        assertEquals(at, attended.time());
        assertEquals(new EventAttended(community, event, member), attended.data(EventAttended.class));
        assertTrue(ActivityEvents.isActivity(EventType.EVENT_ATTENDED));
        assertAttendancesBeforeAMarker(List.of(member));
    }

    @Test
    void theWindowOpensAnHourBeforeTheStartAndClosesAtTheEnd() {
        clock.setTo(START.minus(Duration.ofHours(1)).minusMillis(1));
        EventsApi.attend(community, event, member).response().then().statusCode(422)
                .contentType("application/problem+json").body("type", equalTo(WINDOW));
        clock.setTo(END.plusMillis(1));
        EventsApi.attend(community, event, member).response().then().statusCode(422).body("type", equalTo(WINDOW));
        clock.setTo(NOW);
        EventsApi.attend(community, event, member).response().then().statusCode(422).body("type", equalTo(WINDOW));
        assertAttendancesBeforeAMarker(List.of());

        clock.setTo(END);
        EventsApi.attend(community, event, member).response().then().statusCode(201);
    }

    @Test
    void theOpeningInstantItselfCounts() {
        clock.setTo(START.minus(Duration.ofHours(1)));
        EventsApi.attend(community, event, member).response().then().statusCode(201).body("counted", equalTo(true));
    }

    @Test
    void waitlistedAndUnregisteredMembersCannotAttend() {
        String waiting = "waiting-" + UUID.randomUUID();
        String unregistered = "unregistered-" + UUID.randomUUID();
        ActivityApi.join(community, waiting, CommunityRole.MEMBER);
        ActivityApi.join(community, unregistered, CommunityRole.MEMBER);
        EventsApi.register(community, event, waiting).response().then().body("status", equalTo("WAITLISTED"));

        clock.setTo(START);
        EventsApi.attend(community, event, waiting).response().then().statusCode(422)
                .body("type", equalTo(NOT_REGISTERED));
        EventsApi.attend(community, event, unregistered).response().then().statusCode(422)
                .body("type", equalTo(NOT_REGISTERED));
        EventsApi.attend(community, event, "stranger-" + UUID.randomUUID()).response().then().statusCode(403);
        EventsApi.attend(community, UUID.randomUUID().toString(), member).response().then().statusCode(404);
        assertAttendancesBeforeAMarker(List.of());
    }

    @Test
    void aMutedMemberCannotRecordAttendance() {
        KafkaEvents.publish(new MemberMuted(community, member, Instant.now().plus(Duration.ofHours(1)), null, owner),
                Instant.now());
        clock.setTo(START);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> EventsApi.attend(community, event, member).statusCode() == 403);
        EventsApi.attend(community, event, member).response().then().statusCode(403)
                .body("type", equalTo("https://hearth.dev/problems/muted"));
        assertAttendancesBeforeAMarker(List.of());
    }

    /** The members whose attendance was published, once a later attendance (the owner's, elsewhere) is out. */
    private void assertAttendancesBeforeAMarker(List<String> expected) {
        Instant was = clock.instant();
        clock.setTo(NOW);
        String other = EventsApi.create(community, owner, NOW.plus(Duration.ofMinutes(30)), 1);
        EventsApi.register(community, other, owner).response().then().statusCode(201);
        EventsApi.attend(community, other, owner).response().then().statusCode(201);
        EventsApi.awaitMarker(community, EventType.EVENT_ATTENDED,
                e -> e.data(EventAttended.class).eventId().equals(other));
        assertEquals(expected, EventsApi.published(community, EventType.EVENT_ATTENDED, EventAttended.class).stream()
                .filter(a -> a.eventId().equals(event)).map(EventAttended::userId).toList());
        clock.setTo(was);
    }
}
