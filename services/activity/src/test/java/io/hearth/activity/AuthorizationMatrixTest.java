package io.hearth.activity;

import static io.hearth.testing.AccessMatrix.Caller.ADMIN;
import static io.hearth.testing.AccessMatrix.Caller.MEMBER;
import static io.hearth.testing.AccessMatrix.Caller.OPERATOR;
import static io.hearth.testing.AccessMatrix.Caller.OUTSIDER;
import static io.hearth.testing.AccessMatrix.Caller.OWNER;
import static io.hearth.testing.AccessMatrix.Caller.PARTNER;
import static io.hearth.testing.AccessMatrix.Caller.PLATFORM_ADMIN;
import static io.hearth.testing.AccessMatrix.all;
import static io.hearth.testing.AccessMatrix.merge;
import static io.hearth.testing.Requests.as;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.hearth.activity.service.LotteryScheduler;
import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.PartnerAccessGranted;
import io.hearth.contracts.events.PartnerScope;
import io.hearth.testing.AccessMatrix;
import io.hearth.testing.AccessMatrix.Call;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.TestTokens;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every activity route tried by every kind of caller: each gets exactly the status the route documents. Community A
 * is the one the routes name; the outsider owns community B, where the partner holds every scope (none opens
 * check-ins: they are a person's own).
 */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class AuthorizationMatrixTest {
    private static final String CHECK_INS = "/communities/{communityId}/check-ins";
    private static final String MINE = CHECK_INS + "/me";
    private static final String CHALLENGES = "/communities/{communityId}/challenges";
    private static final String CHALLENGE = CHALLENGES + "/{challengeId}";
    private static final String PARTICIPANTS = CHALLENGE + "/participants";
    private static final String REDRIVE = "/admin/dead-letters/redrive";
    private static final String POINTS_SETTINGS = "/communities/{communityId}/points/settings";
    private static final String MY_POINTS = "/communities/{communityId}/points/me";
    private static final String LEADERBOARD = "/communities/{communityId}/leaderboard";
    private static final String EVENTS = "/communities/{communityId}/events";
    private static final String EVENT = EVENTS + "/{eventId}";
    private static final String REGISTRATIONS = EVENT + "/registrations";
    private static final String POLLS = "/communities/{communityId}/polls";
    private static final String POLL = POLLS + "/{pollId}";
    private static final String LOTTERIES = "/communities/{communityId}/lotteries";
    private static final String LOTTERY = LOTTERIES + "/{lotteryId}";

    private final String communityA = UUID.randomUUID().toString();
    private final String communityB = UUID.randomUUID().toString();
    private final String owner = "owner-" + UUID.randomUUID();
    private final String admin = "admin-" + UUID.randomUUID();
    private final String member = "member-" + UUID.randomUUID();
    private final String outsider = "outsider-" + UUID.randomUUID();
    private final String operator = "operator-" + UUID.randomUUID();
    private final String platformAdmin = "platform-admin-" + UUID.randomUUID();
    private final String partner = "crm-" + UUID.randomUUID();
    private String challenge;
    /** An event of community A starting within the hour, so that attendance is open; room for everyone. */
    private String event;

    @Inject
    MovableClock clock;
    @Inject
    Scheduler scheduler;

    @Inject
    LotteryScheduler lotteryScheduler;

    @AfterEach
    void drawTheLotteriesLeft() {
        LotteryApi.drawEverythingLeft(clock, lotteryScheduler);
        scheduler.resume(LotteryScheduler.JOB);
    }

    @BeforeEach
    void arrangeCommunities() {
        KafkaEvents.publish(new PartnerAccessGranted(communityB, partner, List.of(PartnerScope.values()), outsider),
                Instant.now());
        ActivityApi.join(communityB, outsider, CommunityRole.OWNER);
        ActivityApi.join(communityA, owner, CommunityRole.OWNER);
        ActivityApi.join(communityA, admin, CommunityRole.ADMIN);
        ActivityApi.join(communityA, member, CommunityRole.MEMBER);
        challenge = as(TestTokens.member(owner)).body(newChallenge()).post("/communities/{id}/challenges", communityA)
                .then().statusCode(201).extract().path("id");
        event = EventsApi.create(communityA, owner, Instant.now().plus(Duration.ofMinutes(30)), 100);
    }

    @TestFactory
    Stream<DynamicTest> everyCallerGetsWhatEachRouteDocuments() {
        AccessMatrix matrix = new AccessMatrix(caller -> switch (caller) {
            case ANONYMOUS -> null;
            case OTHER_ISSUER -> TestTokens.fromIssuer("https://other.example/realms/hearth", member, "member");
            case EXPIRED -> TestTokens.expired(member, "member");
            case WRONG_AUDIENCE -> TestTokens.withoutAudience(member, "member");
            case OUTSIDER -> TestTokens.member(outsider);
            case MEMBER -> TestTokens.member(member);
            case ADMIN -> TestTokens.member(admin);
            case OWNER -> TestTokens.member(owner);
            case OPERATOR -> TestTokens.operator(operator);
            case PARTNER -> TestTokens.partner(partner);
            case PLATFORM_ADMIN -> TestTokens.token(platformAdmin, "platform-admin", "member");
        });
        List<Map<AccessMatrix.Caller, Integer>> refused = List.of(all(403, OUTSIDER, OPERATOR, PARTNER,
                PLATFORM_ADMIN));
        String events = "/communities/" + communityA + "/events";
        String oneEvent = events + "/" + event;
        return matrix
                // Each member's first check-in of the day: recorded.
                .route("POST", CHECK_INS, caller -> new Call(checkIns(communityA), Map.of()),
                        merge(List.of(all(201, MEMBER, ADMIN, OWNER), refused.get(0))))
                .route("GET", MINE, caller -> new Call(checkIns(communityA) + "/me", null),
                        merge(List.of(all(200, MEMBER, ADMIN, OWNER), refused.get(0))))
                // Staff only: a day's check-ins of the community.
                .route("GET", CHECK_INS, caller -> new Call(checkIns(communityA) + "?day=2026-11-21", null),
                        merge(List.of(all(200, ADMIN, OWNER), all(403, MEMBER), refused.get(0))))
                .route("POST", CHALLENGES, caller -> new Call(challenges(communityA), newChallenge()),
                        merge(List.of(all(201, ADMIN, OWNER), all(403, MEMBER), refused.get(0))))
                .route("GET", CHALLENGES, caller -> new Call(challenges(communityA), null),
                        merge(List.of(all(200, MEMBER, ADMIN, OWNER), refused.get(0))))
                .route("GET", CHALLENGE, caller -> new Call(challenges(communityA) + "/" + challenge, null),
                        merge(List.of(all(200, MEMBER, ADMIN, OWNER), refused.get(0))))
                // Each member's first join: joined now.
                .route("POST", PARTICIPANTS, caller -> new Call(challenges(communityA) + "/" + challenge
                        + "/participants", Map.of()), merge(List.of(all(201, MEMBER, ADMIN, OWNER), refused.get(0))))
                .route("GET", POINTS_SETTINGS, caller -> new Call(points(communityA) + "/settings", null),
                        merge(List.of(all(200, MEMBER, ADMIN, OWNER), refused.get(0))))
                .route("PUT", POINTS_SETTINGS, caller -> new Call(points(communityA) + "/settings",
                        Map.of("post", 3)), merge(List.of(all(200, ADMIN, OWNER), all(403, MEMBER), refused.get(0))))
                .route("GET", MY_POINTS, caller -> new Call(points(communityA) + "/me", null),
                        merge(List.of(all(200, MEMBER, ADMIN, OWNER), refused.get(0))))
                .route("GET", LEADERBOARD, caller -> new Call("/communities/" + communityA
                        + "/leaderboard?period=7d&limit=5", null),
                        merge(List.of(all(200, MEMBER, ADMIN, OWNER), refused.get(0))))
                .route("POST", EVENTS, caller -> new Call(events, EventsApi.meetup("Matrix run",
                        Instant.now().plus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(1)).plusSeconds(60),
                        5)), merge(List.of(all(201, ADMIN, OWNER), all(403, MEMBER), refused.get(0))))
                .route("GET", EVENTS, caller -> new Call(events, null),
                        merge(List.of(all(200, MEMBER, ADMIN, OWNER), refused.get(0))))
                .route("GET", EVENT, caller -> new Call(oneEvent, null),
                        merge(List.of(all(200, MEMBER, ADMIN, OWNER), refused.get(0))))
                // Each member's first registration: a place.
                .route("POST", REGISTRATIONS, caller -> new Call(oneEvent + "/registrations", Map.of()),
                        merge(List.of(all(201, MEMBER, ADMIN, OWNER), refused.get(0))))
                .route("GET", REGISTRATIONS, caller -> new Call(oneEvent + "/registrations", null),
                        merge(List.of(all(200, ADMIN, OWNER), all(403, MEMBER), refused.get(0))))
                // Members registered first, so that they have a registration to cancel.
                .route("DELETE", REGISTRATIONS + "/me", caller -> new Call(registered(caller, oneEvent)
                        + "/registrations/me", null), merge(List.of(all(204, MEMBER, ADMIN, OWNER), refused.get(0))))
                // Members registered first; the event starts within the hour, so attendance is open.
                .route("POST", EVENT + "/attendance", caller -> new Call(registered(caller, oneEvent)
                        + "/attendance", Map.of()), merge(List.of(all(201, MEMBER, ADMIN, OWNER), refused.get(0))))
                .route("POST", POLLS, caller -> new Call(polls(communityA), newPoll()),
                        merge(List.of(all(201, ADMIN, OWNER), all(403, MEMBER), refused.get(0))))
                .route("GET", POLLS, caller -> new Call(polls(communityA), null),
                        merge(List.of(all(200, MEMBER, ADMIN, OWNER), refused.get(0))))
                .route("GET", POLL, caller -> new Call(poll(communityA, createPoll(communityA, owner)), null),
                        merge(List.of(all(200, MEMBER, ADMIN, OWNER), refused.get(0))))
                .route("GET", POLL, "another community's poll", caller -> new Call(poll(communityA,
                        createPoll(communityB, outsider)), null),
                        merge(List.of(all(404, MEMBER, ADMIN, OWNER), refused.get(0))))
                // A fresh poll for each caller, so that each vote is the caller's first.
                .route("POST", POLL + "/votes", caller -> vote(createPoll(communityA, owner)),
                        merge(List.of(all(201, MEMBER, ADMIN, OWNER), refused.get(0))))
                .route("POST", POLL + "/close", caller -> new Call(poll(communityA, createPoll(communityA, owner))
                        + "/close", null), merge(List.of(all(200, ADMIN, OWNER), all(403, MEMBER), refused.get(0))))
                .route("POST", LOTTERIES, caller -> new Call(lotteries(communityA),
                        LotteryApi.allMembers(1, Instant.now().plusSeconds(3600))),
                        merge(List.of(all(201, ADMIN, OWNER), all(403, MEMBER), refused.get(0))))
                .route("GET", LOTTERIES, caller -> new Call(lotteries(communityA), null),
                        merge(List.of(all(200, MEMBER, ADMIN, OWNER), refused.get(0))))
                .route("GET", LOTTERY, caller -> new Call(lotteries(communityA) + "/" + lottery(false), null),
                        merge(List.of(all(200, MEMBER, ADMIN, OWNER), refused.get(0))))
                // Each caller tries a lottery of their own that is due (the scheduler waits meanwhile).
                .route("POST", LOTTERY + "/draw", caller -> new Call(lotteries(communityA) + "/" + lottery(true)
                        + "/draw", null), merge(List.of(all(200, ADMIN, OWNER), all(403, MEMBER), refused.get(0))))
                .route("POST", REDRIVE, caller -> new Call(REDRIVE, null), merge(List.of(all(200, PLATFORM_ADMIN),
                        all(403, OUTSIDER, MEMBER, ADMIN, OWNER, OPERATOR, PARTNER))))
                .tests();
    }

    @Test
    void bodyCannotCheckInSomeoneElseOrElsewhere() {
        as(TestTokens.member(member)).body(Map.of("userId", owner, "communityId", communityB, "day", "2020-01-01",
                "streak", 99)).post("/communities/{id}/check-ins", communityA)
                .then().statusCode(201).body("userId", equalTo(member)).body("communityId", equalTo(communityA))
                .body("streak", equalTo(1));
        as(TestTokens.member(owner)).get("/communities/{id}/check-ins/me", communityA)
                .then().statusCode(200).body("totalDays", equalTo(0));
    }

    /** A challenge starting today (UTC: community A has no time zone). */
    private static Map<String, Object> newChallenge() {
        return Map.of("name", "21 days", "startsOn", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString(),
                "days", 21, "goal", 18);
    }

    private static String challenges(String community) {
        return "/communities/" + community + "/challenges";
    }

    private static String points(String community) {
        return "/communities/" + community + "/points";
    }

    /**
     * Makes sure the caller holds a registration for the event when they are a member of community A (a route tried
     * before may have made one: 409 then); the event's path.
     */
    private String registered(AccessMatrix.Caller caller, String eventPath) {
        String user = switch (caller) {
            case MEMBER -> member;
            case ADMIN -> admin;
            case OWNER -> owner;
            default -> null;
        };
        if (user != null) {
            as(TestTokens.member(user)).body(Map.of()).post(eventPath + "/registrations").then()
                    .statusCode(org.hamcrest.Matchers.oneOf(201, 409));
        }
        return eventPath;
    }

    private static Map<String, Object> newPoll() {
        return Map.of("question", "Which evening?", "options", List.of("Tuesday", "Thursday"), "multipleChoice", false,
                "closesAt", Instant.now().plus(Duration.ofDays(1)).toString());
    }

    /** A poll of {@code community} opened by its staff member {@code by}, as id then the id of its first option. */
    private static String[] createPoll(String community, String by) {
        io.restassured.path.json.JsonPath poll = as(TestTokens.member(by)).body(newPoll())
                .post("/communities/{id}/polls", community).then().statusCode(201).extract().jsonPath();
        return new String[] { poll.getString("id"), poll.getString("options[0].id") };
    }

    private String poll(String community, String[] poll) {
        return polls(community) + "/" + poll[0];
    }

    private Call vote(String[] poll) {
        return new Call(poll(communityA, poll) + "/votes", Map.of("optionIds", List.of(poll[1])));
    }

    private static String polls(String community) {
        return "/communities/" + community + "/polls";
    }

    /** A new lottery of community A; a due one (drawAt a minute ago, created when that was ahead) if {@code due}. */
    private String lottery(boolean due) {
        Instant now = Instant.now();
        if (due) {
            scheduler.pause(LotteryScheduler.JOB);
            clock.setTo(now.minusSeconds(120));
        }
        try {
            return LotteryApi.createdId(communityA, owner, LotteryApi.allMembers(1, now.plusSeconds(due ? -60 : 3600)));
        } finally {
            clock.reset();
        }
    }

    private static String lotteries(String community) {
        return "/communities/" + community + "/lotteries";
    }

    private static String checkIns(String community) {
        return "/communities/" + community + "/check-ins";
    }
}
