package io.hearth.analytics;

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
    private static final Map<String, Supplier<Route>> ROUTES = Map.of(
            "getLifecycleFunnel", () -> {
                String owner = "owner-" + UUID.randomUUID();
                return new Route("GET", "/communities/" + AnalyticsApi.communityOwnedBy(owner) + "/funnels/lifecycle",
                        null, TestTokens.operator(owner), 200);
            },
            // Re-driving for real would disturb the dead letters other tests look at: only the refusal is checked.
            "redriveDeadLetters", () -> new Route("POST", "/admin/dead-letters/redrive", null,
                    TestTokens.token("admin-" + UUID.randomUUID(), "platform-admin"), 200));

    static Stream<String> routes() {
        return ROUTES.keySet().stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void clientAcceptingOnlyHtmlOrXmlGets406ProblemAndNothingIsWritten(String route) {
        MediaTypeChecks.assertRefusedWithoutWriting(ROUTES.get(route).get());
    }

    @org.junit.jupiter.api.Test
    void clientAcceptingJsonAndProblemsGetsTheFunnelAsJson() {
        MediaTypeChecks.assertAnswers(ROUTES.get("getLifecycleFunnel").get(), "application/json, application/problem+json");
    }
}
