package io.hearth.activity;

import static io.hearth.testing.Requests.as;

import java.time.Duration;
import java.time.Instant;
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

    private static final Map<String, Supplier<Route>> ROUTES = Map.of(
            // A new member each time, so that the check-in is the day's first (201).
            "checkIn", () -> new Route("POST", "/communities/" + COMMUNITY + "/check-ins", null,
                    TestTokens.member(newMember()), 201),
            "getMyStreak", () -> new Route("GET", "/communities/" + COMMUNITY + "/check-ins/me", null,
                    TestTokens.member(newMember()), 200),
            "createPoll", () -> new Route("POST", POLLS, newPollBody(), TestTokens.member(newOwner()), 201),
            "listPolls", () -> new Route("GET", POLLS, null, TestTokens.member(newMember()), 200),
            "getPoll", () -> new Route("GET", POLLS + "/" + newPoll()[0], null, TestTokens.member(newMember()), 200),
            // A fresh poll each time, so that the vote is the member's first and the close closes an open poll.
            "castVote", () -> {
                String[] poll = newPoll();
                return new Route("POST", POLLS + "/" + poll[0] + "/votes", Map.of("optionIds", List.of(poll[1])),
                        TestTokens.member(newMember()), 201);
            },
            "closePoll", () -> new Route("POST", POLLS + "/" + newPoll()[0] + "/close", null,
                    TestTokens.member(newOwner()), 200),
            // Re-driving for real would disturb the dead letters other tests look at: only the refusal is checked.
            "redriveDeadLetters", () -> new Route("POST", "/admin/dead-letters/redrive", null,
                    TestTokens.token("admin-" + UUID.randomUUID(), "platform-admin"), 200));

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
        String member = "member-" + UUID.randomUUID();
        ActivityApi.join(COMMUNITY, member, CommunityRole.MEMBER);
        return member;
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
