package io.hearth.monetization;

import static io.hearth.testing.Requests.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.EventType;
import io.hearth.contracts.events.MemberLeft;
import io.hearth.contracts.events.Money;
import io.hearth.contracts.events.OrderPlaced;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.PublishedEvent;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(HearthTestResource.class)
class OrderResourceTest {

    @Test
    void memberOrdersPlanAndOrderPlacedIsPublished() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MonetizationApi.community(owner);
        String plan = MonetizationApi.createPlan(community, owner, 4900, "CNY");
        String buyer = "buyer-" + UUID.randomUUID();
        MonetizationApi.join(community, buyer, CommunityRole.MEMBER);

        String orderId = as(TestTokens.member(buyer)).header("Idempotency-Key", "order-1")
                .body(Map.of("planId", plan)).post("/communities/{id}/orders", community)
                .then().statusCode(201)
                .header("Location", containsString("/communities/" + community + "/orders/"))
                .header("Idempotent-Replayed", nullValue())
                .body("communityId", equalTo(community))
                .body("planId", equalTo(plan))
                .body("buyerId", equalTo(buyer))
                .body("price.amountMinor", equalTo(4900))
                .body("price.currency", equalTo("CNY"))
                .body("status", equalTo("PENDING"))
                .body("createdAt", notNullValue())
                .body("paidAt", nullValue())
                .extract().path("id");

        PublishedEvent event = KafkaEvents.awaitEvent(EventType.ORDER_PLACED, e -> e.subject().equals(community));
        assertEquals(community, event.key());
        OrderPlaced placed = event.data(OrderPlaced.class);
        assertEquals(orderId, placed.orderId());
        assertEquals(buyer, placed.buyerId());
        assertEquals(new Money(4900, "CNY"), placed.price());

        as(TestTokens.member(buyer)).get("/communities/{id}/orders/{order}", community, orderId)
                .then().statusCode(200).body("status", equalTo("PENDING"));
        as(TestTokens.operator(owner)).get("/communities/{id}/orders/{order}", community, orderId)
                .then().statusCode(200).body("buyerId", equalTo(buyer));
    }

    @Test
    void onlyBuyerAndStaffSeeAnOrder() {
        MonetizationApi.PendingOrder order = MonetizationApi.pendingOrder();
        String otherMember = "member-" + UUID.randomUUID();
        MonetizationApi.join(order.communityId(), otherMember, CommunityRole.MEMBER);
        String otherOwner = "owner-" + UUID.randomUUID();
        MonetizationApi.community(otherOwner);

        as(TestTokens.member(otherMember)).get("/communities/{id}/orders/{order}", order.communityId(), order.orderId())
                .then().statusCode(403).contentType("application/problem+json");
        as(TestTokens.operator(otherOwner)).get("/communities/{id}/orders/{order}", order.communityId(),
                order.orderId()).then().statusCode(403);
        // Outsiders cannot tell an unknown order from one they may not see; staff can.
        as(TestTokens.member(otherMember)).get("/communities/{id}/orders/{order}", order.communityId(),
                UUID.randomUUID()).then().statusCode(403);
        as(TestTokens.operator(order.ownerId())).get("/communities/{id}/orders/{order}", order.communityId(),
                UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void repeatedIdempotencyKeyReturnsTheSameOrderAndPublishesOnce() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MonetizationApi.community(owner);
        String plan = MonetizationApi.createPlan(community, owner, 1000, "EUR");
        String otherPlan = MonetizationApi.createPlan(community, owner, 2000, "EUR");
        String buyer = "buyer-" + UUID.randomUUID();
        MonetizationApi.join(community, buyer, CommunityRole.MEMBER);

        String first = as(TestTokens.member(buyer)).header("Idempotency-Key", "pay-once").body(Map.of("planId", plan))
                .post("/communities/{id}/orders", community).then().statusCode(201).extract().path("id");
        String second = as(TestTokens.member(buyer)).header("Idempotency-Key", "pay-once").body(Map.of("planId", plan))
                .post("/communities/{id}/orders", community).then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", containsString(first))
                .body("status", equalTo("PENDING"))
                .extract().path("id");
        assertEquals(first, second);
        as(TestTokens.member(buyer)).header("Idempotency-Key", "pay-once").body(Map.of("planId", otherPlan))
                .post("/communities/{id}/orders", community).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://hearth.dev/problems/idempotency-conflict"));

        String later = MonetizationApi.placeOrder(community, otherPlan, buyer);
        KafkaEvents.awaitEvent(EventType.ORDER_PLACED, e -> e.data(OrderPlaced.class).orderId().equals(later));
        assertEquals(List.of(first, later), KafkaEvents.events(EventType.ORDER_PLACED,
                e -> e.subject().equals(community)).stream().map(e -> e.data(OrderPlaced.class).orderId()).toList());
    }

    @Test
    void orderWithoutIdempotencyKeyIsRejected() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MonetizationApi.community(owner);
        String plan = MonetizationApi.createPlan(community, owner, 1000, "EUR");

        as(TestTokens.operator(owner)).body(Map.of("planId", plan)).post("/communities/{id}/orders", community)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("Idempotency-Key"));
        as(TestTokens.operator(owner)).header("Idempotency-Key", " ").body(Map.of("planId", plan))
                .post("/communities/{id}/orders", community)
                .then().statusCode(400).body("violations[0].field", equalTo("Idempotency-Key"));
        as(TestTokens.operator(owner)).header("Idempotency-Key", "k").body(Map.of("planId", "not-a-uuid"))
                .post("/communities/{id}/orders", community)
                .then().statusCode(400).body("violations[0].field", equalTo("planId"));

        String later = MonetizationApi.placeOrder(community, plan, owner);
        assertEquals(List.of(later), KafkaEvents.awaitEvents(EventType.ORDER_PLACED,
                e -> e.subject().equals(community), 1).stream().map(e -> e.data(OrderPlaced.class).orderId()).toList());
    }

    @Test
    void planOfAnotherCommunityOrUnknownPlanIsUnprocessable() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MonetizationApi.community(owner);
        String plan = MonetizationApi.createPlan(community, owner, 1000, "EUR");
        String otherOwner = "owner-" + UUID.randomUUID();
        String otherCommunity = MonetizationApi.community(otherOwner);
        String foreignPlan = MonetizationApi.createPlan(otherCommunity, otherOwner, 1, "EUR");
        String buyer = "buyer-" + UUID.randomUUID();
        MonetizationApi.join(community, buyer, CommunityRole.MEMBER);

        for (String planId : List.of(foreignPlan, UUID.randomUUID().toString())) {
            as(TestTokens.member(buyer)).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("planId", planId)).post("/communities/{id}/orders", community)
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("detail", containsString(planId));
        }

        String later = MonetizationApi.placeOrder(community, plan, buyer);
        assertEquals(List.of(later), KafkaEvents.awaitEvents(EventType.ORDER_PLACED,
                e -> e.subject().equals(community), 1).stream().map(e -> e.data(OrderPlaced.class).orderId()).toList());
        assertEquals(0, KafkaEvents.events(EventType.ORDER_PLACED,
                e -> e.data(OrderPlaced.class).planId().equals(foreignPlan)).size());
    }

    @Test
    void nonMemberAndMemberWhoLeftCannotOrder() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MonetizationApi.community(owner);
        String plan = MonetizationApi.createPlan(community, owner, 1000, "EUR");
        String stranger = "stranger-" + UUID.randomUUID();
        as(TestTokens.member(stranger)).header("Idempotency-Key", "k-1").body(Map.of("planId", plan))
                .post("/communities/{id}/orders", community)
                .then().statusCode(403).contentType("application/problem+json");

        String leaver = "leaver-" + UUID.randomUUID();
        MonetizationApi.join(community, leaver, CommunityRole.MEMBER);
        KafkaEvents.publish(new MemberLeft(community, leaver), Instant.now());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                as(TestTokens.member(leaver)).get("/communities/{id}/plans", community).statusCode() == 403);
        as(TestTokens.member(leaver)).header("Idempotency-Key", "k-2").body(Map.of("planId", plan))
                .post("/communities/{id}/orders", community)
                .then().statusCode(403).contentType("application/problem+json");

        String later = MonetizationApi.placeOrder(community, plan, owner);
        assertEquals(List.of(later), KafkaEvents.awaitEvents(EventType.ORDER_PLACED,
                e -> e.subject().equals(community), 1).stream().map(e -> e.data(OrderPlaced.class).orderId()).toList());
    }
}
