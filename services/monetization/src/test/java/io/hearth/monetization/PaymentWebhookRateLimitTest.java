package io.hearth.monetization;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.hearth.testing.HearthTestResource;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Payment webhook calls per source address, with a small budget (3 per 30 s: a call back every 10 s). The service
 * trusts X-Forwarded-For here, as behind a proxy, so that this test's calls come from an address of their own.
 */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
@TestProfile(PaymentWebhookRateLimitTest.SmallBudget.class)
class PaymentWebhookRateLimitTest {
    static final int BUDGET = 3;

    public static class SmallBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hearth.limits.payment-webhook.requests", String.valueOf(BUDGET),
                    "hearth.limits.payment-webhook.per", "30s",
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true");
        }
    }

    @Test
    void callsOverTheBudgetAre429WithRetryAfterSignedOrNotAndChangeNothingUntilTheBucketRefills() {
        String source = "203.0.113." + (1 + (int) (Math.random() * 250));
        MonetizationApi.PendingOrder order = MonetizationApi.pendingOrder();
        byte[] callback = MonetizationApi.callbackBody(order.orderId(), "SUCCEEDED", "ref-" + UUID.randomUUID())
                .getBytes(StandardCharsets.UTF_8);
        String signature = MonetizationApi.sign(callback, MonetizationApi.WEBHOOK_SECRET);

        // Forged calls spend the sender's budget too; a token may come back meanwhile on a slow machine.
        int answered = 0;
        Response refused = null;
        for (int i = 0; i < BUDGET + 3 && refused == null; i++) {
            Response attempt = call(source, callback, "0".repeat(64));
            if (attempt.statusCode() == 429) {
                refused = attempt;
            } else {
                attempt.then().statusCode(401);
                answered++;
            }
        }
        assertTrue(answered >= BUDGET && refused != null, answered + " calls before a refusal");
        refused.then().contentType("application/problem+json")
                .body("type", equalTo("https://hearth.dev/problems/rate-limited"));
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 10, "Retry-After " + retryAfter);

        // The genuine callback is refused as well while the budget is spent, and the order stays pending.
        call(source, callback, signature).then().statusCode(429).header("Retry-After", notNullValue());
        orderStatus(order, "PENDING");

        // Another address has a budget of its own.
        call("198.51.100.9", callback, "0".repeat(64)).then().statusCode(401);

        // Once a token is back, the provider's retry goes through.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                call(source, callback, signature).statusCode() == 200);
        orderStatus(order, "PAID");
    }

    private static Response call(String source, byte[] body, String signature) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", source)
                .header("Hearth-Signature", signature).body(body).post("/payments/webhook");
    }

    private static void orderStatus(MonetizationApi.PendingOrder order, String status) {
        given().auth().oauth2(TestTokens.member(order.buyerId()))
                .get("/communities/{c}/orders/{o}", order.communityId(), order.orderId())
                .then().statusCode(200).body("status", equalTo(status));
    }
}
