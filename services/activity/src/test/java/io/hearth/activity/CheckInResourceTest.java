package io.hearth.activity;

import static io.hearth.testing.Requests.as;
import static io.hearth.activity.ActivityApi.checkInEvents;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.hearth.contracts.events.CheckInRecorded;
import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.EventType;
import io.hearth.contracts.events.Topics;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.PublishedEvent;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(HearthTestResource.class)
class CheckInResourceTest {
    /** Midday, so that no test straddles midnight unless it means to. */
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final Instant NOON = TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC);

    @Inject
    MovableClock clock;

    @BeforeEach
    void stopTheClockAtNoon() {
        clock.setTo(NOON);
    }

    @AfterEach
    void releaseTheClock() {
        clock.reset();
    }

    @Test
    void memberChecksInAndTheCheckInIsPublishedKeyedByCommunity() {
        String community = UUID.randomUUID().toString();
        String member = "member-" + UUID.randomUUID();
        ActivityApi.join(community, member, CommunityRole.MEMBER);

        String checkedInAt = as(TestTokens.member(member)).body("{}").post("/communities/{id}/check-ins", community)
                .then().statusCode(201)
                .header("Location", endsWith("/communities/" + community + "/check-ins/me"))
                .body("communityId", equalTo(community)).body("userId", equalTo(member))
                .body("day", equalTo(TODAY.toString())).body("streak", equalTo(1)).body("counted", equalTo(true))
                .extract().path("checkedInAt");
        assertEquals(NOON, Instant.parse(checkedInAt));

        PublishedEvent event = KafkaEvents.awaitEvent(EventType.CHECKIN_RECORDED,
                e -> ActivityApi.ofMember(e, community, member));
        assertEquals(Topics.ACTIVITY, event.topic());
        assertEquals(community, event.key());
        assertEquals("/hearth/activity", event.source());
        assertEquals(NOON, event.time());
        assertEquals(new CheckInRecorded(community, member, TODAY, 1), event.data(CheckInRecorded.class));
    }

    @Test
    void secondCheckInTheSameDayIsNotCountedAndPublishesNothing() {
        String community = UUID.randomUUID().toString();
        String member = "member-" + UUID.randomUUID();
        ActivityApi.join(community, member, CommunityRole.ADMIN);
        // No body at all is as good as {}.
        given().auth().oauth2(TestTokens.member(member)).post("/communities/{id}/check-ins", community)
                .then().statusCode(201).body("counted", equalTo(true));

        clock.setTo(TODAY.atTime(23, 59, 59).toInstant(ZoneOffset.UTC));
        as(TestTokens.member(member)).body("{}").post("/communities/{id}/check-ins", community)
                .then().statusCode(200)
                .body("day", equalTo(TODAY.toString())).body("streak", equalTo(1)).body("counted", equalTo(false))
                .body("checkedInAt", equalTo(NOON.toString()));

        assertEquals(List.of(new CheckInRecorded(community, member, TODAY, 1)),
                checkInEventsAfterALaterOne(community, member));
        as(TestTokens.member(member)).get("/communities/{id}/check-ins/me", community)
                .then().statusCode(200).body("totalDays", equalTo(1)).body("currentStreak", equalTo(1));
    }

    @Test
    void streakGrowsOverConsecutiveDaysAndStartsAgainAfterAMissedDay() {
        String community = UUID.randomUUID().toString();
        String member = "member-" + UUID.randomUUID();
        ActivityApi.join(community, member, CommunityRole.MEMBER);
        as(TestTokens.member(member)).get("/communities/{id}/check-ins/me", community).then().statusCode(200)
                .body("currentStreak", equalTo(0)).body("longestStreak", equalTo(0)).body("totalDays", equalTo(0))
                .body("checkedInToday", equalTo(false)).body("lastDay", nullValue());

        for (int day = 0; day < 3; day++) {
            clock.setTo(NOON.plus(Duration.ofDays(day)));
            as(TestTokens.member(member)).body("{}").post("/communities/{id}/check-ins", community)
                    .then().statusCode(201).body("day", equalTo(TODAY.plusDays(day).toString()))
                    .body("streak", equalTo(day + 1));
        }
        as(TestTokens.member(member)).get("/communities/{id}/check-ins/me", community).then().statusCode(200)
                .body("currentStreak", equalTo(3)).body("longestStreak", equalTo(3)).body("totalDays", equalTo(3))
                .body("lastDay", equalTo(TODAY.plusDays(2).toString())).body("checkedInToday", equalTo(true));

        // The next day, not yet checked in: the streak is still alive, a check-in today would extend it.
        clock.setTo(NOON.plus(Duration.ofDays(3)));
        as(TestTokens.member(member)).get("/communities/{id}/check-ins/me", community).then().statusCode(200)
                .body("currentStreak", equalTo(3)).body("checkedInToday", equalTo(false));
        // A whole day missed: the streak is broken, and the next check-in starts again at 1.
        clock.setTo(NOON.plus(Duration.ofDays(4)));
        as(TestTokens.member(member)).get("/communities/{id}/check-ins/me", community).then().statusCode(200)
                .body("currentStreak", equalTo(0)).body("longestStreak", equalTo(3));
        as(TestTokens.member(member)).body("{}").post("/communities/{id}/check-ins", community)
                .then().statusCode(201).body("day", equalTo(TODAY.plusDays(4).toString())).body("streak", equalTo(1));
        as(TestTokens.member(member)).get("/communities/{id}/check-ins/me", community).then().statusCode(200)
                .body("currentStreak", equalTo(1)).body("longestStreak", equalTo(3)).body("totalDays", equalTo(4))
                .body("lastDay", equalTo(TODAY.plusDays(4).toString()));

        List<CheckInRecorded> events = KafkaEvents.awaitEvents(EventType.CHECKIN_RECORDED,
                e -> ActivityApi.ofMember(e, community, member), 4).stream()
                .map(e -> e.data(CheckInRecorded.class)).toList();
        assertEquals(List.of(new CheckInRecorded(community, member, TODAY, 1),
                new CheckInRecorded(community, member, TODAY.plusDays(1), 2),
                new CheckInRecorded(community, member, TODAY.plusDays(2), 3),
                new CheckInRecorded(community, member, TODAY.plusDays(4), 1)), events);
    }

    @Test
    void theDayIsTheUtcCalendarDaySoCheckInsEitherSideOfMidnightMakeAStreak() {
        String community = UUID.randomUUID().toString();
        String member = "member-" + UUID.randomUUID();
        ActivityApi.join(community, member, CommunityRole.MEMBER);

        clock.setTo(TODAY.atTime(23, 59, 59).toInstant(ZoneOffset.UTC));
        as(TestTokens.member(member)).body("{}").post("/communities/{id}/check-ins", community)
                .then().statusCode(201).body("day", equalTo(TODAY.toString())).body("streak", equalTo(1));
        clock.setTo(TODAY.plusDays(1).atTime(0, 0, 1).toInstant(ZoneOffset.UTC));
        as(TestTokens.member(member)).body("{}").post("/communities/{id}/check-ins", community)
                .then().statusCode(201).body("day", equalTo(TODAY.plusDays(1).toString())).body("streak", equalTo(2));
    }

    @Test
    void simultaneousFirstCheckInsOfOneMemberCountOnce() {
        String community = UUID.randomUUID().toString();
        String member = "member-" + UUID.randomUUID();
        ActivityApi.join(community, member, CommunityRole.MEMBER);
        String token = TestTokens.member(member);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<ExtractableResponse<Response>>> calls = IntStream.range(0, 4)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> as(token).body("{}")
                            .post("/communities/{id}/check-ins", community).then().extract(), pool))
                    .toList();
            List<ExtractableResponse<Response>> responses = calls.stream().map(CompletableFuture::join).toList();
            assertEquals(List.of(200, 200, 200, 201), responses.stream().map(r -> r.statusCode()).sorted().toList());
            assertEquals(List.of(false, false, false, true), responses.stream()
                    .map(r -> r.<Boolean> path("counted")).sorted().toList());
            responses.forEach(r -> assertEquals(1, r.<Integer> path("streak")));
        } finally {
            pool.shutdown();
        }

        assertEquals(List.of(new CheckInRecorded(community, member, TODAY, 1)),
                checkInEventsAfterALaterOne(community, member));
        as(token).get("/communities/{id}/check-ins/me", community).then().statusCode(200)
                .body("totalDays", equalTo(1));
    }

    @Test
    void nonMembersAndOperatorsOfOtherCommunitiesAreRefusedAndNothingIsPublished() {
        String community = UUID.randomUUID().toString();
        String stranger = "stranger-" + UUID.randomUUID();
        String otherOperator = "operator-" + UUID.randomUUID();
        ActivityApi.join(UUID.randomUUID().toString(), otherOperator, CommunityRole.OWNER);

        as(TestTokens.member(stranger)).body("{}").post("/communities/{id}/check-ins", community)
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        as(TestTokens.operator(otherOperator)).body("{}").post("/communities/{id}/check-ins", community)
                .then().statusCode(403).contentType("application/problem+json");
        as(TestTokens.operator(otherOperator)).get("/communities/{id}/check-ins/me", community)
                .then().statusCode(403).contentType("application/problem+json");

        assertEquals(List.of(), checkInEventsAfterALaterOne(community, stranger));
        assertEquals(List.of(), checkInEvents(community, otherOperator));
    }

    @Test
    void memberWhoLeftIsRefused() {
        String community = UUID.randomUUID().toString();
        String member = "member-" + UUID.randomUUID();
        ActivityApi.join(community, member, CommunityRole.MEMBER);
        ActivityApi.leave(community, member);

        as(TestTokens.member(member)).body("{}").post("/communities/{id}/check-ins", community)
                .then().statusCode(403).contentType("application/problem+json");
        assertEquals(List.of(), checkInEventsAfterALaterOne(community, member));
    }

    @Test
    void unauthenticatedCallerGets401Problem() {
        String community = UUID.randomUUID().toString();
        given().contentType("application/json").body("{}").post("/communities/{id}/check-ins", community)
                .then().statusCode(401).contentType("application/problem+json").body("type", equalTo("https://hearth.dev/problems/unauthenticated"));
        given().get("/communities/{id}/check-ins/me", community)
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void unknownCommunityIs403AndMalformedIdIs400() {
        String member = "member-" + UUID.randomUUID();
        as(TestTokens.member(member)).body("{}").post("/communities/{id}/check-ins", UUID.randomUUID())
                .then().statusCode(403).contentType("application/problem+json");
        as(TestTokens.member(member)).body("{}").post("/communities/{id}/check-ins", "not-a-uuid")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("communityId"));
        as(TestTokens.member(member)).get("/communities/{id}/check-ins/me", "not-a-uuid")
                .then().statusCode(400).body("violations.field", hasItem("communityId"));
    }

    /**
     * The member's check-in events once another member's later check-in in the same community is out: events of a
     * community are published in commit order, so any event of the member's would be out too.
     */
    private static List<CheckInRecorded> checkInEventsAfterALaterOne(String community, String member) {
        String later = "later-" + UUID.randomUUID();
        ActivityApi.join(community, later, CommunityRole.MEMBER);
        as(TestTokens.member(later)).body("{}").post("/communities/{id}/check-ins", community)
                .then().statusCode(201);
        KafkaEvents.awaitEvent(EventType.CHECKIN_RECORDED, e -> ActivityApi.ofMember(e, community, later));
        return checkInEvents(community, member);
    }
}
