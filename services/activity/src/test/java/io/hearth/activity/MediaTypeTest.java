package io.hearth.activity;

import static io.hearth.testing.Requests.as;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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

/** Every route answers JSON or a 406 problem, never a Java toString under whatever type the client asked for. */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class MediaTypeTest {
    private static final String COMMUNITY = UUID.randomUUID().toString();

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
}
