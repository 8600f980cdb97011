package io.hearth.content;

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

/** Every route answers JSON or a 406 problem, never a Java toString under whatever type the client asked for. */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class MediaTypeTest {
    private static final String COMMUNITY = UUID.randomUUID().toString();
    private static final String MEMBER = "member-" + UUID.randomUUID();
    private static boolean joined;

    private static final Map<String, Supplier<Route>> ROUTES = Map.of(
            "createPost", () -> new Route("POST", posts(), Map.of("body", "Hello", "topics", List.of("hi")),
                    TestTokens.member(MEMBER), 201),
            "listPosts", () -> new Route("GET", posts(), null, TestTokens.member(MEMBER), 200),
            "getPost", () -> new Route("GET", posts() + "/" + ContentApi.post(COMMUNITY, MEMBER, "Hi", List.of()),
                    null, TestTokens.member(MEMBER), 200),
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

    private static synchronized String posts() {
        if (!joined) {
            ContentApi.joined(COMMUNITY, MEMBER, CommunityRole.MEMBER);
            joined = true;
        }
        return "/communities/" + COMMUNITY + "/posts";
    }
}
