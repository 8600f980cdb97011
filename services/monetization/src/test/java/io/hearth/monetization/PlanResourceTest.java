package io.hearth.monetization;

import static io.hearth.testing.Requests.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.EventType;
import io.hearth.contracts.events.Money;
import io.hearth.contracts.events.PlanCreated;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.PublishedEvent;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(HearthTestResource.class)
class PlanResourceTest {

    @Test
    void ownerOffersPlanAndPlanCreatedIsPublished() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MonetizationApi.community(owner);
        String id = as(TestTokens.operator(owner))
                .body(Map.of("name", "  Monthly circle ", "price", Map.of("amountMinor", 4900, "currency", "CNY"),
                        "periodDays", 30))
                .post("/communities/{id}/plans", community)
                .then().statusCode(201)
                .header("Location", containsString("/communities/" + community + "/plans/"))
                .body("communityId", equalTo(community))
                .body("name", equalTo("Monthly circle"))
                .body("price.amountMinor", equalTo(4900))
                .body("price.currency", equalTo("CNY"))
                .body("periodDays", equalTo(30))
                .body("createdAt", notNullValue())
                .extract().path("id");

        PublishedEvent event = KafkaEvents.awaitEvent(EventType.PLAN_CREATED, e -> e.subject().equals(community));
        assertEquals("/hearth/monetization", event.source());
        assertEquals("hearth.monetization.v1", event.topic());
        assertEquals(community, event.key());
        PlanCreated created = event.data(PlanCreated.class);
        assertEquals(id, created.planId());
        assertEquals(new Money(4900, "CNY"), created.price());
        assertEquals(30, created.periodDays());
    }

    @Test
    void termsThatDoNotFitTogetherAreRefusedAndNothingIsPublished() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MonetizationApi.community(owner);
        Map<String, Object> price = Map.of("amountMinor", 100, "currency", "EUR");
        for (Map<String, Object> bad : List.of(
                Map.of("name", "Trial, one-off", "price", price, "trialDays", 7),
                Map.of("name", "Topic of nothing", "price", price, "grants", List.of(Map.of("kind", "TOPIC"))),
                Map.of("name", "Community item", "price", price,
                        "grants", List.of(Map.of("kind", "COMMUNITY", "itemId", "x"))))) {
            as(TestTokens.operator(owner)).body(bad).post("/communities/{id}/plans", community)
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("type", endsWith("/plan-invalid"));
        }
        String planId = MonetizationApi.createPlan(community, owner, 900, "EUR");
        assertEquals(List.of(planId), KafkaEvents.awaitEvents(EventType.PLAN_CREATED,
                e -> e.subject().equals(community), 1).stream().map(e -> e.data(PlanCreated.class).planId()).toList());
    }

    @Test
    void plainMemberAndOperatorOfAnotherCommunityCannotOfferPlans() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MonetizationApi.community(owner);
        String member = "member-" + UUID.randomUUID();
        MonetizationApi.join(community, member, CommunityRole.MEMBER);
        String otherOwner = "owner-" + UUID.randomUUID();
        MonetizationApi.community(otherOwner);
        Map<String, Object> plan = Map.of("name", "Sneaky", "price", Map.of("amountMinor", 100, "currency", "EUR"),
                "periodDays", 7);

        as(TestTokens.operator(member)).body(plan).post("/communities/{id}/plans", community)
                .then().statusCode(403).contentType("application/problem+json");
        as(TestTokens.operator(otherOwner)).body(plan).post("/communities/{id}/plans", community)
                .then().statusCode(403).contentType("application/problem+json");
        given().contentType("application/json").body(plan).post("/communities/{id}/plans", community)
                .then().statusCode(401).contentType("application/problem+json");

        // Events of one community are published in commit order: once the owner's plan is out, a refused one would be.
        String planId = MonetizationApi.createPlan(community, owner, 900, "EUR");
        assertEquals(List.of(planId), KafkaEvents.awaitEvents(EventType.PLAN_CREATED,
                e -> e.subject().equals(community), 1).stream().map(e -> e.data(PlanCreated.class).planId()).toList());
    }

    @Test
    void invalidPriceIsRejectedWithViolationsAndPublishesNothing() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MonetizationApi.community(owner);
        String floatAmount = planJson("49.9", "30");
        String stringAmount = planJson("\"4900\"", "30");
        String floatPeriod = planJson("4900", "30.5");
        for (String body : List.of(floatAmount, stringAmount)) {
            as(TestTokens.operator(owner)).body(body).post("/communities/{id}/plans", community)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", hasItem("price.amountMinor"));
        }
        as(TestTokens.operator(owner)).body(floatPeriod).post("/communities/{id}/plans", community)
                .then().statusCode(400).body("violations.field", hasItem("periodDays"));

        for (String currency : List.of("usd", "ABC", "XXX")) {
            as(TestTokens.operator(owner))
                    .body(Map.of("name", "Bad currency", "price", Map.of("amountMinor", 100, "currency", currency),
                            "periodDays", 30))
                    .post("/communities/{id}/plans", community)
                    .then().statusCode(400).body("violations.field", hasItem("price.currency"));
        }
        for (long amount : new long[] { 0, -100 }) {
            as(TestTokens.operator(owner))
                    .body(Map.of("name", "Free?", "price", Map.of("amountMinor", amount, "currency", "EUR"),
                            "periodDays", 30))
                    .post("/communities/{id}/plans", community)
                    .then().statusCode(400).body("violations.field", hasItem("price.amountMinor"));
        }
        as(TestTokens.operator(owner))
                .body(Map.of("name", " ", "price", Map.of("currency", "EUR"), "periodDays", 3651))
                .post("/communities/{id}/plans", community)
                .then().statusCode(400)
                .body("violations.field", hasItem("name"))
                .body("violations.field", hasItem("price.amountMinor"))
                .body("violations.field", hasItem("periodDays"));
        as(TestTokens.operator(owner)).body(Map.of("name", "No price", "periodDays", 0))
                .post("/communities/{id}/plans", community)
                .then().statusCode(400).body("violations.field", hasItem("price"))
                .body("violations.field", hasItem("periodDays"));

        String planId = MonetizationApi.createPlan(community, owner, 100, "JPY");
        assertEquals(List.of(planId), KafkaEvents.awaitEvents(EventType.PLAN_CREATED,
                e -> e.subject().equals(community), 1).stream().map(e -> e.data(PlanCreated.class).planId()).toList());
    }

    /** A plan body with the amount and period written exactly as given, as a client might send them. */
    private static String planJson(String amountMinor, String periodDays) {
        return "{\"name\":\"Raw\",\"price\":{\"amountMinor\":" + amountMinor + ",\"currency\":\"CNY\"},"
                + "\"periodDays\":" + periodDays + "}";
    }

    @Test
    void repeatedIdempotencyKeyReturnsTheSamePlanAndAnotherBodyWithItIsAConflict() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MonetizationApi.community(owner);
        Map<String, Object> body = Map.of("name", "Yearly", "price", Map.of("amountMinor", 49900, "currency", "CNY"),
                "periodDays", 365);
        String first = as(TestTokens.operator(owner)).header("Idempotency-Key", "plan-1").body(body)
                .post("/communities/{id}/plans", community).then().statusCode(201).extract().path("id");
        String second = as(TestTokens.operator(owner)).header("Idempotency-Key", "plan-1").body(body)
                .post("/communities/{id}/plans", community).then().statusCode(201)
                .header("Idempotent-Replayed", "true").extract().path("id");
        assertEquals(first, second);
        as(TestTokens.operator(owner)).header("Idempotency-Key", "plan-1")
                .body(Map.of("name", "Yearly", "price", Map.of("amountMinor", 59900, "currency", "CNY"),
                        "periodDays", 365))
                .post("/communities/{id}/plans", community).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://hearth.dev/problems/idempotency-conflict"));
        String later = MonetizationApi.createPlan(community, owner, 100, "EUR");
        KafkaEvents.awaitEvent(EventType.PLAN_CREATED, e -> e.data(PlanCreated.class).planId().equals(later));
        assertEquals(1, KafkaEvents.events(EventType.PLAN_CREATED,
                e -> e.data(PlanCreated.class).planId().equals(first)).size());
    }

    @Test
    void membersListPlansPageByPageAndOutsidersCannot() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MonetizationApi.community(owner);
        List<String> plans = List.of(MonetizationApi.createPlan(community, owner, 100, "EUR"),
                MonetizationApi.createPlan(community, owner, 200, "EUR"),
                MonetizationApi.createPlan(community, owner, 300, "EUR"));
        String member = "member-" + UUID.randomUUID();
        MonetizationApi.join(community, member, CommunityRole.MEMBER);

        String cursor = as(TestTokens.member(member)).queryParam("limit", 2).get("/communities/{id}/plans", community)
                .then().statusCode(200).body("items.id", equalTo(plans.subList(0, 2)))
                .body("nextCursor", notNullValue()).extract().path("nextCursor");
        as(TestTokens.member(member)).queryParam("limit", 2).queryParam("after", cursor)
                .get("/communities/{id}/plans", community)
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(plans.get(2)))
                .body("items[0].price.amountMinor", equalTo(300)).body("nextCursor", nullValue());

        as(TestTokens.operator("stranger-" + UUID.randomUUID())).get("/communities/{id}/plans", community)
                .then().statusCode(403).contentType("application/problem+json");
        as(TestTokens.member(member)).queryParam("limit", 101).get("/communities/{id}/plans", community)
                .then().statusCode(400).body("violations[0].field", equalTo("limit"));
    }
}
