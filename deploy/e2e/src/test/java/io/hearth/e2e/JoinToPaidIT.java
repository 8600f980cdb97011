package io.hearth.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hearth.embedded.HearthService;
import io.hearth.embedded.HearthStack;
import io.hearth.embedded.StackConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The foundation slice end to end, on the real local stack with real Keycloak tokens: an operator creates a
 * community and an entry, member1 joins through it, posts, checks in and pays for a plan through the signed
 * webhook; the lifecycle funnel reads 1 -> 1 -> 1 -> 1, then 2 -> 1 -> 1 -> 1 once member2 joins, and the same
 * after the whole stack is stopped and started again.
 */
class JoinToPaidIT {
    private static final Duration EVENTUAL = Duration.ofSeconds(60);

    @TempDir
    Path state;

    private HearthStack stack;

    @AfterEach
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void joinToPaidShowsInTheFunnelAndSurvivesARestart() throws Exception {
        StackConfig config = StackConfig.defaults(HearthStack.findRepositoryRoot()).withStateDir(state).withFreePorts();
        long started = System.nanoTime();
        stack = HearthStack.start(config);
        figure("whole stack started (first time)", started);

        String operator = stack.keycloak().accessToken("operator", "hearth");
        String member1 = stack.keycloak().accessToken("member1", "hearth");
        String member2 = stack.keycloak().accessToken("member2", "hearth");

        String community = call(HearthService.MEMBERSHIP, operator)
                .body(Map.of("name", "Morning Runners", "theme", "Run 5 km before work", "kind", "HOBBY"))
                .post("/communities").then().statusCode(201).extract().path("id");
        String code = call(HearthService.MEMBERSHIP, operator).body(Map.of("channel", "INVITE_LINK"))
                .post("/communities/{id}/entries", community).then().statusCode(201).extract().path("code");
        call(HearthService.MEMBERSHIP, member1).body(Map.of("entryCode", code))
                .post("/communities/{id}/members", community).then().statusCode(201);

        // The other services learn of the join from membership's events: eventually, not at once.
        await().atMost(EVENTUAL).untilAsserted(() -> call(HearthService.CONTENT, member1)
                .body(Map.of("body", "First run done, 5.2 km!", "topics", List.of("running")))
                .post("/communities/{id}/posts", community).then().statusCode(201));
        await().atMost(EVENTUAL).untilAsserted(() -> call(HearthService.ACTIVITY, member1).body("{}")
                .post("/communities/{id}/check-ins", community).then().statusCode(201));
        String plan = await().atMost(EVENTUAL).until(() -> call(HearthService.MONETIZATION, operator)
                .body(Map.of("name", "Pace group", "price", Map.of("amountMinor", 990, "currency", "CNY"),
                        "periodDays", 30))
                .post("/communities/{id}/plans", community).then().extract(),
                r -> r.statusCode() == 201).path("id");
        String order = call(HearthService.MONETIZATION, member1).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("planId", plan)).post("/communities/{id}/orders", community)
                .then().statusCode(201).body("status", equalTo("PENDING")).extract().path("id");
        String callback = "{\"orderId\":\"" + order + "\",\"outcome\":\"SUCCEEDED\",\"providerReference\":\"pay-e2e-1\"}";
        given().baseUri(stack.serviceUrl(HearthService.MONETIZATION).toString()).contentType(ContentType.JSON)
                .header("Hearth-Signature", sign(callback, config.paymentsWebhookSecret())).body(callback)
                .post("/payments/webhook").then().statusCode(200);
        long paid = System.nanoTime();

        awaitFunnel(operator, community, List.of(1, 1, 1, 1));
        figure("payment confirmed -> visible in the analytics funnel", paid);

        call(HearthService.MEMBERSHIP, member2).body("{}").post("/communities/{id}/members", community)
                .then().statusCode(201);
        JsonPath funnel = awaitFunnel(operator, community, List.of(2, 1, 1, 1));
        assertEquals(0.5f, funnel.getFloat("steps[1].conversionFromPrevious"));

        stack.close();
        long restarted = System.nanoTime();
        stack = HearthStack.start(config);
        figure("whole stack restarted on kept state", restarted);
        String operatorAgain = stack.keycloak().accessToken("operator", "hearth");
        awaitFunnel(operatorAgain, community, List.of(2, 1, 1, 1));
        call(HearthService.MEMBERSHIP, operatorAgain).get("/communities/{id}/members", community)
                .then().statusCode(200).body("items.size()", equalTo(3));
    }

    /** Figures for the reader of the build log; measured, never asserted. */
    private static void figure(String what, long sinceNanos) {
        System.out.printf("[e2e figure] %s: %d ms%n", what, Duration.ofNanos(System.nanoTime() - sinceNanos).toMillis());
    }

    private JsonPath awaitFunnel(String token, String community, List<Integer> counts) {
        return await().atMost(EVENTUAL).until(() -> call(HearthService.ANALYTICS, token)
                .get("/communities/{id}/funnels/lifecycle", community).then().statusCode(200).extract().jsonPath(),
                json -> counts.equals(json.getList("steps.count", Integer.class)));
    }

    private RequestSpecification call(HearthService service, String token) {
        return given().baseUri(stack.serviceUrl(service).toString()).auth().oauth2(token)
                .contentType(ContentType.JSON);
    }

    private static String sign(String body, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
