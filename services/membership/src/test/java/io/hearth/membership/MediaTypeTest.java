package io.hearth.membership;

import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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
    /** Each route of the service, arranged afresh for each call (a join needs someone who has not joined yet). */
    private static final Map<String, Supplier<Route>> ROUTES = Map.of(
            "createCommunity", () -> new Route("POST", "/communities",
                    Map.of("name", "Runners", "theme", "Run", "kind", "HOBBY"), TestTokens.operator(someone()), 201),
            "getCommunity", () -> {
                String owner = someone();
                return new Route("GET", "/communities/" + MembershipApi.createCommunity(owner, null), null,
                        TestTokens.member(owner), 200);
            },
            "createEntry", () -> {
                String owner = someone();
                return new Route("POST", "/communities/" + MembershipApi.createCommunity(owner, null) + "/entries",
                        Map.of("channel", "INVITE_LINK"), TestTokens.operator(owner), 201);
            },
            "joinCommunity", () -> new Route("POST", "/communities/" + MembershipApi.createCommunity(someone(), null)
                    + "/members", Map.of(), TestTokens.member(someone()), 201),
            "leaveCommunity", () -> {
                String community = MembershipApi.createCommunity(someone(), null);
                String member = someone();
                MembershipApi.join(community, member);
                return new Route("DELETE", "/communities/" + community + "/members/me", null,
                        TestTokens.member(member), 204);
            },
            "changeMemberRole", () -> {
                String owner = someone();
                String community = MembershipApi.createCommunity(owner, null);
                String member = someone();
                MembershipApi.join(community, member);
                return new Route("PUT", "/communities/" + community + "/members/" + member + "/role",
                        Map.of("role", "ADMIN"), TestTokens.operator(owner), 200);
            },
            "listMembers", () -> {
                String owner = someone();
                return new Route("GET", "/communities/" + MembershipApi.createCommunity(owner, null) + "/members",
                        null, TestTokens.operator(owner), 200);
            },
            "redriveDeadLetters", () -> new Route("POST", "/admin/dead-letters/redrive", null,
                    TestTokens.token(someone(), "platform-admin"), 200));

    static Stream<String> routes() {
        return ROUTES.keySet().stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void clientAcceptingOnlyHtmlOrXmlGets406ProblemAndNothingIsWritten(String route) {
        MediaTypeChecks.assertRefusedWithoutWriting(ROUTES.get(route).get());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void clientAcceptingJsonGetsJson(String route) {
        MediaTypeChecks.assertAnswers(ROUTES.get(route).get(), "application/json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void clientAcceptingJsonAndProblemsGetsJson(String route) {
        MediaTypeChecks.assertAnswers(ROUTES.get(route).get(), "application/json, application/problem+json");
    }

    @org.junit.jupiter.api.Test
    void routeWithoutBodyAnswersAClientAcceptingOnlyProblems() {
        MediaTypeChecks.assertAnswers(ROUTES.get("leaveCommunity").get(), "application/problem+json");
    }

    private static String someone() {
        return "person-" + UUID.randomUUID();
    }
}
