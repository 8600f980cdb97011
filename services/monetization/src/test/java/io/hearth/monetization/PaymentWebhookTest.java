package io.hearth.monetization;

import static io.hearth.testing.Requests.as;
import static io.hearth.monetization.MonetizationApi.callbackBody;
import static io.hearth.monetization.MonetizationApi.webhook;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.hearth.contracts.events.EventType;
import io.hearth.contracts.events.Money;
import io.hearth.contracts.events.OrderPlaced;
import io.hearth.contracts.events.PaymentFailed;
import io.hearth.contracts.events.PaymentSucceeded;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.PublishedEvent;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(HearthTestResource.class)
class PaymentWebhookTest {

    @Test
    void signedSuccessMarksOrderPaidAndPublishesPaymentSucceeded() {
        MonetizationApi.PendingOrder order = MonetizationApi.pendingOrder();

        webhook(callbackBody(order.orderId(), "SUCCEEDED", "pay_123"))
                .then().statusCode(200)
                .body("id", equalTo(order.orderId()))
                .body("status", equalTo("PAID"))
                .body("paidAt", notNullValue())
                .body("providerReference", equalTo("pay_123"));

        PublishedEvent event = KafkaEvents.awaitEvent(EventType.PAYMENT_SUCCEEDED,
                e -> e.subject().equals(order.communityId()));
        assertEquals(order.communityId(), event.key());
        assertEquals("hearth.monetization.v1", event.topic());
        PaymentSucceeded paid = event.data(PaymentSucceeded.class);
        assertEquals(order.orderId(), paid.orderId());
        assertEquals(order.planId(), paid.planId());
        assertEquals(order.buyerId(), paid.buyerId());
        assertEquals(new Money(4900, "CNY"), paid.amount());
        assertEquals("pay_123", paid.providerReference());

        as(TestTokens.member(order.buyerId())).get("/communities/{id}/orders/{order}", order.communityId(),
                order.orderId()).then().statusCode(200).body("status", equalTo("PAID"))
                .body("providerReference", equalTo("pay_123"));
    }

    @Test
    void missingOrWrongSignatureIs401AndChangesNothing() {
        MonetizationApi.PendingOrder order = MonetizationApi.pendingOrder();
        byte[] body = callbackBody(order.orderId(), "SUCCEEDED", "pay_forged").getBytes(StandardCharsets.UTF_8);
        byte[] tampered = callbackBody(order.orderId(), "SUCCEEDED", "pay_forgeD").getBytes(StandardCharsets.UTF_8);
        List<String> wrong = List.of(
                MonetizationApi.sign(body, "guessed-secret"),
                MonetizationApi.sign(tampered, MonetizationApi.WEBHOOK_SECRET),
                MonetizationApi.sign(body, MonetizationApi.WEBHOOK_SECRET).substring(2),
                "");
        for (String signature : wrong) {
            webhook(body, signature).then().statusCode(401).contentType("application/problem+json");
        }
        webhook(body, null).then().statusCode(401).contentType("application/problem+json");
        // A bearer token is no substitute for the provider's signature.
        as(TestTokens.operator(order.ownerId())).body(body).post("/payments/webhook").then().statusCode(401);

        as(TestTokens.member(order.buyerId())).get("/communities/{id}/orders/{order}", order.communityId(),
                order.orderId()).then().statusCode(200).body("status", equalTo("PENDING"))
                .body("providerReference", nullValue());
        assertNoPaymentEventsBeforeALaterOrder(order);
    }

    @Test
    void repeatedAndConcurrentCallbacksPublishOnePaymentSucceeded() {
        MonetizationApi.PendingOrder order = MonetizationApi.pendingOrder();
        String body = callbackBody(order.orderId(), "SUCCEEDED", "pay_twice");

        List<CompletableFuture<Response>> deliveries = List.of(
                CompletableFuture.supplyAsync(() -> webhook(body)), CompletableFuture.supplyAsync(() -> webhook(body)),
                CompletableFuture.supplyAsync(() -> webhook(body)));
        for (CompletableFuture<Response> delivery : deliveries) {
            delivery.join().then().statusCode(200).body("status", equalTo("PAID"));
        }
        webhook(body).then().statusCode(200).body("status", equalTo("PAID"))
                .body("providerReference", equalTo("pay_twice"));

        String later = MonetizationApi.placeOrder(order.communityId(), order.planId(), order.buyerId());
        KafkaEvents.awaitEvent(EventType.ORDER_PLACED, e -> e.data(OrderPlaced.class).orderId().equals(later));
        assertEquals(1, KafkaEvents.events(EventType.PAYMENT_SUCCEEDED,
                e -> e.data(PaymentSucceeded.class).orderId().equals(order.orderId())).size());
    }

    @Test
    void failedOutcomeMarksOrderFailedAndPublishesPaymentFailed() {
        MonetizationApi.PendingOrder order = MonetizationApi.pendingOrder();

        webhook(callbackBody(order.orderId(), "FAILED", "pay_declined"))
                .then().statusCode(200).body("status", equalTo("FAILED")).body("failedAt", notNullValue())
                .body("paidAt", nullValue());
        webhook(callbackBody(order.orderId(), "FAILED", "pay_declined")).then().statusCode(200)
                .body("status", equalTo("FAILED"));

        PaymentFailed failed = KafkaEvents.awaitEvent(EventType.PAYMENT_FAILED,
                e -> e.subject().equals(order.communityId())).data(PaymentFailed.class);
        assertEquals(order.orderId(), failed.orderId());
        assertEquals("FAILED", failed.outcome());
        assertEquals("pay_declined", failed.providerReference());
        as(TestTokens.operator(order.ownerId())).get("/communities/{id}/orders/{order}", order.communityId(),
                order.orderId()).then().statusCode(200).body("status", equalTo("FAILED"));

        String later = MonetizationApi.placeOrder(order.communityId(), order.planId(), order.buyerId());
        KafkaEvents.awaitEvent(EventType.ORDER_PLACED, e -> e.data(OrderPlaced.class).orderId().equals(later));
        assertEquals(1, KafkaEvents.events(EventType.PAYMENT_FAILED,
                e -> e.data(PaymentFailed.class).orderId().equals(order.orderId())).size());
        assertEquals(0, KafkaEvents.events(EventType.PAYMENT_SUCCEEDED,
                e -> e.data(PaymentSucceeded.class).orderId().equals(order.orderId())).size());
    }

    @Test
    void callbackContradictingASettledOrderIsAConflictAndChangesNothing() {
        MonetizationApi.PendingOrder order = MonetizationApi.pendingOrder();
        webhook(callbackBody(order.orderId(), "SUCCEEDED", "pay_ok")).then().statusCode(200);

        webhook(callbackBody(order.orderId(), "FAILED", "pay_late_failure"))
                .then().statusCode(409).contentType("application/problem+json");

        as(TestTokens.member(order.buyerId())).get("/communities/{id}/orders/{order}", order.communityId(),
                order.orderId()).then().statusCode(200).body("status", equalTo("PAID"))
                .body("providerReference", equalTo("pay_ok")).body("failedAt", nullValue());
        String later = MonetizationApi.placeOrder(order.communityId(), order.planId(), order.buyerId());
        KafkaEvents.awaitEvent(EventType.ORDER_PLACED, e -> e.data(OrderPlaced.class).orderId().equals(later));
        assertEquals(0, KafkaEvents.events(EventType.PAYMENT_FAILED,
                e -> e.data(PaymentFailed.class).orderId().equals(order.orderId())).size());
    }

    @Test
    void unknownOrderIs404AndMalformedSignedBodyIs400() {
        MonetizationApi.PendingOrder order = MonetizationApi.pendingOrder();
        webhook(callbackBody(UUID.randomUUID().toString(), "SUCCEEDED", "pay_x"))
                .then().statusCode(404).contentType("application/problem+json");

        webhook("{\"orderId\": \"" + order.orderId() + "\", \"outcome\": ").then().statusCode(400)
                .contentType("application/problem+json");
        webhook("").then().statusCode(400).contentType("application/problem+json");
        webhook("null").then().statusCode(400).contentType("application/problem+json");
        // Jackson takes a body opening with three NULs for UTF-32, and its decoder fails on the cut-short rest.
        byte[] notText = { 0, 0, 0, '4', ' ' };
        MonetizationApi.webhook(notText, MonetizationApi.sign(notText, MonetizationApi.WEBHOOK_SECRET))
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://hearth.dev/problems/validation"));
        webhook(callbackBody(order.orderId(), "REFUNDED", "pay_x")).then().statusCode(400)
                .body("violations.field", hasItem("outcome"));
        webhook(callbackBody("order-1", "SUCCEEDED", "pay_x")).then().statusCode(400)
                .body("violations.field", hasItem("orderId"));
        webhook(callbackBody(order.orderId(), "SUCCEEDED", " ")).then().statusCode(400)
                .body("violations.field", hasItem("providerReference"));
        webhook("{\"outcome\":\"SUCCEEDED\"}").then().statusCode(400)
                .body("violations.field", hasItem("orderId"))
                .body("violations.field", hasItem("providerReference"));

        as(TestTokens.member(order.buyerId())).get("/communities/{id}/orders/{order}", order.communityId(),
                order.orderId()).then().statusCode(200).body("status", equalTo("PENDING"));
        assertNoPaymentEventsBeforeALaterOrder(order);
    }

    /** Once a later order of the community is published, a payment event of the earlier order would be too. */
    private static void assertNoPaymentEventsBeforeALaterOrder(MonetizationApi.PendingOrder order) {
        String later = MonetizationApi.placeOrder(order.communityId(), order.planId(), order.buyerId());
        KafkaEvents.awaitEvent(EventType.ORDER_PLACED, e -> e.data(OrderPlaced.class).orderId().equals(later));
        assertEquals(0, KafkaEvents.events(EventType.PAYMENT_SUCCEEDED,
                e -> e.subject().equals(order.communityId())).size());
        assertEquals(0, KafkaEvents.events(EventType.PAYMENT_FAILED,
                e -> e.subject().equals(order.communityId())).size());
    }
}
