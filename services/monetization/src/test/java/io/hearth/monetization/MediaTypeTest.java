package io.hearth.monetization;

import java.nio.charset.StandardCharsets;
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
            "createPlan", () -> {
                String owner = "owner-" + UUID.randomUUID();
                return new Route("POST", "/communities/" + MonetizationApi.community(owner) + "/plans",
                        Map.of("name", "Monthly", "price", Map.of("amountMinor", 4900, "currency", "CNY"),
                                "periodDays", 30),
                        TestTokens.operator(owner), 201);
            },
            "listPlans", () -> {
                String owner = "owner-" + UUID.randomUUID();
                return new Route("GET", "/communities/" + MonetizationApi.community(owner) + "/plans", null,
                        TestTokens.operator(owner), 200);
            },
            "placeOrder", () -> {
                MonetizationApi.PendingOrder arranged = MonetizationApi.pendingOrder();
                return new Route("POST", "/communities/" + arranged.communityId() + "/orders",
                        Map.of("planId", arranged.planId()), TestTokens.member(arranged.buyerId()), 201,
                        Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            },
            "getOrder", () -> {
                MonetizationApi.PendingOrder arranged = MonetizationApi.pendingOrder();
                return new Route("GET", "/communities/" + arranged.communityId() + "/orders/" + arranged.orderId(),
                        null, TestTokens.member(arranged.buyerId()), 200);
            },
            "settlePayment", () -> {
                String body = MonetizationApi.callbackBody(MonetizationApi.pendingOrder().orderId(), "SUCCEEDED",
                        "pay_" + UUID.randomUUID());
                return new Route("POST", "/payments/webhook", body, null, 200, Map.of("Hearth-Signature",
                        MonetizationApi.sign(body.getBytes(StandardCharsets.UTF_8), MonetizationApi.WEBHOOK_SECRET)));
            },
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
}
