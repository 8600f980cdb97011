package io.hearth.membership;

import static io.hearth.testing.Requests.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.hearth.contracts.events.CommunityCreated;
import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.EventType;
import io.hearth.contracts.events.MemberJoined;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.PublishedEvent;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(HearthTestResource.class)
class CommunityResourceTest {

    @Test
    void operatorCreatesCommunityAndBecomesItsOwner() {
        String owner = "owner-" + UUID.randomUUID();
        String id = as(TestTokens.operator(owner))
                .body(Map.of("name", "Book Circle", "theme", "One book a month", "kind", "GROWTH", "sizeCap", 30))
                .post("/communities")
                .then().statusCode(201)
                .header("Location", containsString("/communities/"))
                .body("name", equalTo("Book Circle"))
                .body("ownerId", equalTo(owner))
                .body("memberCount", equalTo(1))
                .body("sizeTier", equalTo("SMALL"))
                .extract().path("id");

        PublishedEvent created = KafkaEvents.awaitEvent(EventType.COMMUNITY_CREATED, e -> e.subject().equals(id));
        assertEquals("/hearth/membership", created.source());
        assertEquals(owner, created.data(CommunityCreated.class).ownerId());
        assertEquals(30, created.data(CommunityCreated.class).sizeCap());
        PublishedEvent joined = KafkaEvents.awaitEvent(EventType.MEMBER_JOINED, e -> e.subject().equals(id));
        assertEquals(CommunityRole.OWNER, joined.data(MemberJoined.class).role());

        as(TestTokens.member(owner)).get("/communities/{id}", id).then().statusCode(200).body("kind", equalTo("GROWTH"));
    }

    @Test
    void memberWithoutOperatorRoleCannotCreateCommunity() {
        as(TestTokens.member("plain-" + UUID.randomUUID()))
                .body(Map.of("name", "Nope", "theme", "x", "kind", "HOBBY"))
                .post("/communities")
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
    }

    @Test
    void anonymousCallerGets401Problem() {
        given().contentType("application/json").body(Map.of("name", "Nope", "theme", "x", "kind", "HOBBY"))
                .post("/communities")
                .then().statusCode(401).contentType("application/problem+json").body("type", equalTo("https://hearth.dev/problems/unauthenticated"));
    }

    @Test
    void invalidCommunityIsRejectedWithViolationsAndWritesNothing() {
        String name = "Invalid-" + UUID.randomUUID();
        as(TestTokens.operator("op-" + UUID.randomUUID()))
                .body(Map.of("name", name, "theme", " ", "kind", "HOBBY", "sizeCap", 0))
                .post("/communities")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("theme"))
                .body("violations.field", hasItem("sizeCap"));

        as(TestTokens.operator("op-" + UUID.randomUUID()))
                .body(Map.of("name", name, "theme", "y", "kind", "HOBBY", "sizeCap", 30.7))
                .post("/communities")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("sizeCap"));

        as(TestTokens.operator("op-" + UUID.randomUUID()))
                .body(Map.of("name", "x", "theme", "y", "kind", "SPACESHIP"))
                .post("/communities")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("kind"))
                .body("violations[0].message", containsString("HOBBY"));

        // Text PostgreSQL cannot store or UTF-8 cannot carry: NUL, and surrogates without their pair.
        for (String unstorable : new String[] { "\\u0000", "\\ud800", "\\udc00x", "x\\ud83d" }) {
            as(TestTokens.operator("op-" + UUID.randomUUID()))
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .body("{\"name\":\"" + name + unstorable + "\",\"theme\":\"y\",\"kind\":\"HOBBY\"}")
                    .post("/communities")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("https://hearth.dev/problems/validation"))
                    .body("violations[0].field", equalTo("name"))
                    .body("violations[0].message", containsString("NUL"));
        }

        // Bytes that are not text at all: Jackson guesses UTF-32 from the leading NULs and cannot decode the rest.
        as(TestTokens.operator("op-" + UUID.randomUUID())).body(new byte[] { 0, 0, 0, '{', ' ' })
                .post("/communities")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://hearth.dev/problems/validation"));

        // Once a later valid community's event is out, an event of the rejected one would be out too.
        String later = MembershipApi.createCommunity("op-" + UUID.randomUUID(), null);
        KafkaEvents.awaitEvent(EventType.COMMUNITY_CREATED, e -> e.subject().equals(later));
        assertEquals(0, KafkaEvents.events(EventType.COMMUNITY_CREATED,
                e -> e.data(CommunityCreated.class).name().startsWith(name)).size());
    }

    @Test
    void repeatedIdempotencyKeyReturnsTheSameCommunity() {
        String owner = "owner-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("name", "Once", "theme", "Only once", "kind", "WORK");
        String first = as(TestTokens.operator(owner)).header("Idempotency-Key", "k-1").body(body)
                .post("/communities").then().statusCode(201).extract().path("id");
        String second = as(TestTokens.operator(owner)).header("Idempotency-Key", "k-1").body(body)
                .post("/communities").then().statusCode(201).header("Idempotent-Replayed", "true")
                .extract().path("id");
        assertEquals(first, second);
        // Another caller's identical key is their own.
        String other = as(TestTokens.operator("other-" + UUID.randomUUID())).header("Idempotency-Key", "k-1")
                .body(body).post("/communities").then().statusCode(201).extract().path("id");
        org.junit.jupiter.api.Assertions.assertNotEquals(first, other);
        assertEquals(1, KafkaEvents.awaitEvents(EventType.COMMUNITY_CREATED, e -> e.subject().equals(first), 1).size());
    }

    @Test
    void malformedCommunityIdIsABadRequestNamingTheParameter() {
        as(TestTokens.operator("op-" + UUID.randomUUID())).get("/communities/{id}", "not-a-uuid")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("communityId"));
    }

    @Test
    void outsiderCannotReadCommunity() {
        String id = MembershipApi.createCommunity("owner-" + UUID.randomUUID(), null);
        as(TestTokens.operator("stranger-" + UUID.randomUUID())).get("/communities/{id}", id)
                .then().statusCode(403).contentType("application/problem+json");
    }
}
