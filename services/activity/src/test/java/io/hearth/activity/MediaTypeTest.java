package io.hearth.activity;

import static io.hearth.testing.Requests.as;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.hearth.contracts.events.CommunityRole;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.MediaTypeChecks;
import io.hearth.testing.MediaTypeChecks.Route;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Every route answers JSON or a 406 problem, never a Java toString under whatever type the client asked for. */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class MediaTypeTest {
    private static final String COMMUNITY = UUID.randomUUID().toString();

    private static final String POLLS = "/communities/" + COMMUNITY + "/polls";

    private static final Map<String, Supplier<Route>> ROUTES = Map.ofEntries(Map.entry(
            // A new member each time, so that the check-in is the day's first (201).
            "checkIn", () -> new Route("POST", "/communities/" + COMMUNITY + "/check-ins", null,
                    TestTokens.member(newMember()), 201)),
            Map.entry("getMyStreak", () -> new Route("GET", "/communities/" + COMMUNITY + "/check-ins/me", null,
                    TestTokens.member(newMember()), 200)),
            Map.entry("listDayCheckIns", () -> new Route("GET", "/communities/" + COMMUNITY + "/check-ins", null,
                    TestTokens.member(newMember(CommunityRole.OWNER)), 200)),
            Map.entry("createChallenge", () -> new Route("POST", "/communities/" + COMMUNITY + "/challenges",
                    newChallenge(), TestTokens.member(newMember(CommunityRole.OWNER)), 201)),
            Map.entry("listChallenges", () -> new Route("GET", "/communities/" + COMMUNITY + "/challenges", null,
                    TestTokens.member(newMember()), 200)),
            Map.entry("getChallenge", () -> new Route("GET", "/communities/" + COMMUNITY + "/challenges/"
                    + challenge(), null, TestTokens.member(newMember()), 200)),
            // A new member each time, so that the join is their first (201).
            Map.entry("joinChallenge", () -> new Route("POST", "/communities/" + COMMUNITY + "/challenges/"
                    + challenge() + "/participants", null, TestTokens.member(newMember()), 201)),
            Map.entry("createEvent", () -> new Route("POST", "/communities/" + COMMUNITY + "/events",
                    EventsApi.meetup("Run", Instant.now().plus(Duration.ofDays(2)),
                            Instant.now().plus(Duration.ofDays(2)).plusSeconds(3600), 5),
                    TestTokens.member(newMember(CommunityRole.OWNER)), 201)),
            Map.entry("listEvents", () -> new Route("GET", "/communities/" + COMMUNITY + "/events", null,
                    TestTokens.member(newMember()), 200)),
            Map.entry("getEvent", () -> new Route("GET", "/communities/" + COMMUNITY + "/events/" + event(), null,
                    TestTokens.member(newMember()), 200)),
            // A new member each time, so that the registration is their first (201).
            Map.entry("registerForEvent", () -> new Route("POST", "/communities/" + COMMUNITY + "/events/" + event()
                    + "/registrations", null, TestTokens.member(newMember()), 201)),
            Map.entry("listEventRegistrations", () -> new Route("GET", "/communities/" + COMMUNITY + "/events/"
                    + event() + "/registrations", null, TestTokens.member(newMember(CommunityRole.ADMIN)), 200)),
            Map.entry("createPoll", () -> new Route("POST", POLLS, newPollBody(), TestTokens.member(newOwner()),
                    201)),
            Map.entry("listPolls", () -> new Route("GET", POLLS, null, TestTokens.member(newMember()), 200)),
            Map.entry("getPoll", () -> new Route("GET", POLLS + "/" + newPoll()[0], null,
                    TestTokens.member(newMember()), 200)),
            // A fresh poll each time, so that the vote is the member's first and the close closes an open poll.
            Map.entry("castVote", () -> {
                String[] poll = newPoll();
                return new Route("POST", POLLS + "/" + poll[0] + "/votes", Map.of("optionIds", List.of(poll[1])),
                        TestTokens.member(newMember()), 201);
            }),
            Map.entry("closePoll", () -> new Route("POST", POLLS + "/" + newPoll()[0] + "/close", null,
                    TestTokens.member(newOwner()), 200)),
            Map.entry("createLottery", () -> new Route("POST", "/communities/" + COMMUNITY + "/lotteries",
                    LotteryApi.allMembers(1, Instant.now().plusSeconds(3600)), TestTokens.member(newStaff()), 201)),
            Map.entry("listLotteries", () -> new Route("GET", "/communities/" + COMMUNITY + "/lotteries", null,
                    TestTokens.member(newMember()), 200)),
            Map.entry("getLottery", () -> new Route("GET", "/communities/" + COMMUNITY + "/lotteries/"
                    + LotteryApi.createdId(COMMUNITY, newStaff(), LotteryApi.allMembers(1,
                            Instant.now().plusSeconds(3600))), null, TestTokens.member(newMember()), 200)),
            // Re-driving for real would disturb the dead letters other tests look at: only the refusal is checked.
            Map.entry("redriveDeadLetters", () -> new Route("POST", "/admin/dead-letters/redrive", null,
                    TestTokens.token("admin-" + UUID.randomUUID(), "platform-admin"), 200)));
    private static String challenge;

    static Stream<String> routes() {
        return ROUTES.keySet().stream().sorted();
    }

    static Stream<String> answeringRoutes() {
        return routes().filter(r -> !r.equals("redriveDeadLetters"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void clientAcceptingOnlyHtmlOrXmlGets406ProblemAndNothingIsWritten(String route) {
        MediaTypeChecks.assertRefusedWithoutWriting(ROUTES.get(route).get());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answeringRoutes")
    void clientAcceptingJsonAndProblemsGetsJson(String route) {
        MediaTypeChecks.assertAnswers(ROUTES.get(route).get(), "application/json, application/problem+json");
    }

    private static String newStaff() {
        String admin = "admin-" + UUID.randomUUID();
        ActivityApi.join(COMMUNITY, admin, CommunityRole.ADMIN);
        return admin;
    }

    private static String newMember() {
        return newMember(CommunityRole.MEMBER);
    }

    private static String newMember(CommunityRole role) {
        String member = role.name().toLowerCase() + "-" + UUID.randomUUID();
        ActivityApi.join(COMMUNITY, member, role);
        return member;
    }

    private static Map<String, Object> newChallenge() {
        return Map.of("name", "21 days", "startsOn", LocalDate.now(ZoneOffset.UTC).toString(), "days", 21, "goal",
                18);
    }

    /** One challenge of the community, created by a new owner the first time it is needed. */
    private static synchronized String challenge() {
        if (challenge == null) {
            challenge = as(TestTokens.member(newMember(CommunityRole.OWNER))).body(newChallenge())
                    .post("/communities/{id}/challenges", COMMUNITY).then().statusCode(201).extract().path("id");
        }
        return challenge;
    }

    private static String event;

    /** One event with room for every member the routes make, created the first time a route needs it. */
    private static synchronized String event() {
        if (event == null) {
            event = EventsApi.create(COMMUNITY, newMember(CommunityRole.OWNER), Instant.now().plus(Duration.ofDays(2)),
                    1000);
        }
        return event;
    }

    private static String newOwner() {
        String owner = "owner-" + UUID.randomUUID();
        ActivityApi.join(COMMUNITY, owner, CommunityRole.OWNER);
        return owner;
    }

    private static Map<String, Object> newPollBody() {
        return Map.of("question", "Which evening?", "options", List.of("Tuesday", "Thursday"), "closesAt",
                Instant.now().plus(Duration.ofDays(1)).toString());
    }

    /** A new open poll of the community: its id, then its first option's id. */
    private static String[] newPoll() {
        JsonPath poll = as(TestTokens.member(newOwner())).body(newPollBody()).post(POLLS).then().statusCode(201)
                .extract().jsonPath();
        return new String[] { poll.getString("id"), poll.getString("options[0].id") };
    }
}
