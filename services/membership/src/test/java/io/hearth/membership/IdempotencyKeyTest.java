package io.hearth.membership;

import static io.hearth.testing.Requests.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.hearth.testing.HearthTestResource;
import io.hearth.testing.MediaTypeChecks;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The Idempotency-Key means the same on every route that takes it: a repeat with the same body replays the first
 * result, the same key with another body is 409 idempotency-conflict and changes nothing.
 */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class IdempotencyKeyTest {
    private static final String CONFLICT = "https://hearth.dev/problems/idempotency-conflict";

    @Test
    void createCommunityWithAReusedKeyAndAnotherBodyIsAConflict() {
        String token = TestTokens.operator("op-" + UUID.randomUUID());
        String key = UUID.randomUUID().toString();
        Map<String, Object> first = Map.of("name", "Runners", "theme", "Run", "kind", "HOBBY");
        String id = as(token).header("Idempotency-Key", key).body(first).post("/communities")
                .then().statusCode(201).header("Idempotent-Replayed", nullValue()).extract().path("id");
        as(token).header("Idempotency-Key", key).body(first).post("/communities")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id));

        long before = MediaTypeChecks.outboxRows();
        as(token).header("Idempotency-Key", key).body(Map.of("name", "Readers", "theme", "Read", "kind", "HOBBY"))
                .post("/communities")
                .then().statusCode(409).contentType("application/problem+json").body("type", equalTo(CONFLICT));
        assertEquals(before, MediaTypeChecks.outboxRows());
    }

    @Test
    void createEntryWithAReusedKeyReplaysTheEntryOrConflicts() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, null);
        String key = UUID.randomUUID().toString();
        String code = as(TestTokens.operator(owner)).header("Idempotency-Key", key)
                .body(Map.of("channel", "INVITE_LINK")).post("/communities/{id}/entries", community)
                .then().statusCode(201).extract().path("code");
        as(TestTokens.operator(owner)).header("Idempotency-Key", key).body(Map.of("channel", "INVITE_LINK"))
                .post("/communities/{id}/entries", community)
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("code", equalTo(code));

        long before = MediaTypeChecks.outboxRows();
        as(TestTokens.operator(owner)).header("Idempotency-Key", key).body(Map.of("channel", "LIVE_CODE"))
                .post("/communities/{id}/entries", community)
                .then().statusCode(409).body("type", equalTo(CONFLICT));
        assertEquals(before, MediaTypeChecks.outboxRows());
    }

    @Test
    void joinWithAReusedKeyThroughAnotherEntryIsAConflictNotAlreadyAMember() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, null);
        String invite = MembershipApi.createEntry(community, owner, "INVITE_LINK");
        String referral = MembershipApi.createEntry(community, owner, "REFERRAL");
        String member = TestTokens.member("m-" + UUID.randomUUID());
        String key = UUID.randomUUID().toString();
        as(member).header("Idempotency-Key", key).body(Map.of("entryCode", invite))
                .post("/communities/{id}/members", community).then().statusCode(201);
        as(member).header("Idempotency-Key", key).body(Map.of("entryCode", invite))
                .post("/communities/{id}/members", community)
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("entryCode", equalTo(invite));

        as(member).header("Idempotency-Key", key).body(Map.of("entryCode", referral))
                .post("/communities/{id}/members", community)
                .then().statusCode(409).body("type", equalTo(CONFLICT));
    }

    @Test
    void keyLongerThan200CharactersIsRefused() {
        as(TestTokens.operator("op-" + UUID.randomUUID())).header("Idempotency-Key", "k".repeat(201))
                .body(Map.of("name", "Runners", "theme", "Run", "kind", "HOBBY")).post("/communities")
                .then().statusCode(400).body("violations[0].field", equalTo("Idempotency-Key"));
    }
}
