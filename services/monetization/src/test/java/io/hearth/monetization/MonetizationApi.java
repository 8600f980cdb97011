package io.hearth.monetization;

import static io.hearth.testing.Requests.as;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.MemberJoined;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The monetization routes as a frontend and the payment provider call them, and membership's events as membership
 * publishes them, for arranging test data.
 */
final class MonetizationApi {
    /** The secret the local launcher and the service's default share. */
    static final String WEBHOOK_SECRET = "local-webhook-secret";

    private MonetizationApi() {
    }

    /** A new community owned by {@code ownerId}, known to this service once its replica has the owner. */
    static String community(String ownerId) {
        String communityId = UUID.randomUUID().toString();
        join(communityId, ownerId, CommunityRole.OWNER);
        return communityId;
    }

    /** Makes {@code userId} a member with {@code role}, as membership would, and waits until this service knows. */
    static void join(String communityId, String userId, CommunityRole role) {
        KafkaEvents.publish(new MemberJoined(communityId, userId, role, null, null, null), Instant.now());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                as(TestTokens.member(userId)).get("/communities/{id}/plans", communityId).statusCode() == 200);
    }

    static String createPlan(String communityId, String staffId, long amountMinor, String currency) {
        return as(TestTokens.operator(staffId))
                .body(Map.of("name", "Monthly", "price", Map.of("amountMinor", amountMinor, "currency", currency),
                        "periodDays", 30))
                .post("/communities/{id}/plans", communityId)
                .then().statusCode(201).extract().path("id");
    }

    static String placeOrder(String communityId, String planId, String buyerId) {
        return as(TestTokens.member(buyerId)).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("planId", planId))
                .post("/communities/{id}/orders", communityId)
                .then().statusCode(201).extract().path("id");
    }

    /** A community with a plan and a pending order of a member; the ids in that order. */
    record PendingOrder(String communityId, String ownerId, String planId, String buyerId, String orderId) {
    }

    static PendingOrder pendingOrder() {
        String owner = "owner-" + UUID.randomUUID();
        String community = community(owner);
        String plan = createPlan(community, owner, 4900, "CNY");
        String buyer = "buyer-" + UUID.randomUUID();
        join(community, buyer, CommunityRole.MEMBER);
        return new PendingOrder(community, owner, plan, buyer, placeOrder(community, plan, buyer));
    }

    static String callbackBody(String orderId, String outcome, String providerReference) {
        return "{\"orderId\":\"" + orderId + "\",\"outcome\":\"" + outcome + "\",\"providerReference\":\""
                + providerReference + "\"}";
    }

    /** Posts exactly {@code body}'s bytes, signed as the provider signs them. */
    static Response webhook(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return webhook(bytes, sign(bytes, WEBHOOK_SECRET));
    }

    static Response webhook(byte[] body, String signature) {
        RequestSpecification request = given().contentType(ContentType.JSON).body(body);
        if (signature != null) {
            request.header("Hearth-Signature", signature);
        }
        return request.post("/payments/webhook");
    }

    static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
