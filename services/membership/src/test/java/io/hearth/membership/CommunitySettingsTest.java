package io.hearth.membership;

import static io.hearth.testing.Requests.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.hearth.contracts.events.CommunityCreated;
import io.hearth.contracts.events.CommunityUpdated;
import io.hearth.contracts.events.EventType;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(HearthTestResource.class)
class CommunitySettingsTest {

    @Test
    void communityIsCreatedWithItsSettingsAndPublishesTimeZoneAdmissionAndRules() {
        String owner = "owner-" + UUID.randomUUID();
        String id = as(TestTokens.operator(owner)).body(Map.of("name", "Xuhui Runners", "theme", "Run before work",
                "kind", "HOBBY", "rules", "  Be kind.  ", "timeZone", "Asia/Shanghai", "admission", "APPROVAL",
                "questions", List.of("How far do you run?", " Where do you live? ")))
                .post("/communities")
                .then().statusCode(201)
                .body("rules", equalTo("Be kind."))
                .body("timeZone", equalTo("Asia/Shanghai"))
                .body("admission", equalTo("APPROVAL"))
                .body("questions", contains("How far do you run?", "Where do you live?"))
                .extract().path("id");

        CommunityCreated created = KafkaEvents.awaitEvent(EventType.COMMUNITY_CREATED, e -> e.subject().equals(id))
                .data(CommunityCreated.class);
        assertEquals("Asia/Shanghai", created.timeZone());
        assertEquals("APPROVAL", created.admission());
        assertEquals("Be kind.", created.rules());
        as(TestTokens.member(owner)).get("/communities/{id}", id).then().statusCode(200)
                .body("questions", hasSize(2)).body("rules", equalTo("Be kind."));
    }

    @Test
    void communityWithoutSettingsIsOpenInUtcWithNoQuestions() {
        String owner = "owner-" + UUID.randomUUID();
        String id = MembershipApi.createCommunity(owner, null);
        as(TestTokens.member(owner)).get("/communities/{id}", id).then().statusCode(200)
                .body("timeZone", equalTo("UTC")).body("admission", equalTo("OPEN"))
                .body("questions", hasSize(0)).body("rules", nullValue());
        CommunityCreated created = KafkaEvents.awaitEvent(EventType.COMMUNITY_CREATED, e -> e.subject().equals(id))
                .data(CommunityCreated.class);
        assertEquals("UTC", created.timeZone());
        assertEquals("OPEN", created.admission());
    }

    @Test
    void invalidSettingsAreRefusedWithViolationsAndCreateNothing() {
        String name = "Invalid-" + UUID.randomUUID();
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "theme", "t", "kind", "HOBBY",
                "timeZone", "+08:00", "questions", List.of("1", "2", "3", "4", "5", "6"),
                "rules", "x".repeat(5001)));
        as(TestTokens.operator("op-" + UUID.randomUUID())).body(body).post("/communities")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("timeZone"))
                .body("violations.field", hasItem("questions"))
                .body("violations.field", hasItem("rules"));
        body.putAll(Map.of("timeZone", "Mars/Olympus", "questions", List.of(" "), "rules", "ok"));
        as(TestTokens.operator("op-" + UUID.randomUUID())).body(body).post("/communities")
                .then().statusCode(400)
                .body("violations.field", hasItem("timeZone"))
                .body("violations.field", hasItem("questions"));
        body.putAll(Map.of("timeZone", "UTC", "questions", List.of(), "admission", "INVITE_ONLY"));
        as(TestTokens.operator("op-" + UUID.randomUUID())).body(body).post("/communities")
                .then().statusCode(400).body("violations[0].field", equalTo("admission"));

        String later = MembershipApi.createCommunity("op-" + UUID.randomUUID(), null);
        KafkaEvents.awaitEvent(EventType.COMMUNITY_CREATED, e -> e.subject().equals(later));
        assertEquals(0, KafkaEvents.events(EventType.COMMUNITY_CREATED,
                e -> e.data(CommunityCreated.class).name().equals(name)).size());
    }

    @Test
    void adminChangesSettingsWhichPublishesTheSnapshotAndIsAudited() {
        String owner = "owner-" + UUID.randomUUID();
        String admin = "admin-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, 100);
        MembershipApi.join(community, admin);
        as(TestTokens.operator(owner)).body(Map.of("role", "ADMIN"))
                .put("/communities/{id}/members/{user}/role", community, admin).then().statusCode(200);

        as(TestTokens.member(admin))
                .body(Map.of("admission", "APPROVAL", "timeZone", "Asia/Shanghai", "questions", List.of("Why?")))
                .patch("/communities/{id}", community)
                .then().statusCode(200)
                .body("admission", equalTo("APPROVAL")).body("timeZone", equalTo("Asia/Shanghai"))
                .body("questions", contains("Why?"))
                // Left out, so unchanged.
                .body("name", equalTo("Morning Runners")).body("sizeCap", equalTo(100));

        CommunityUpdated updated = KafkaEvents.awaitEvent(EventType.COMMUNITY_UPDATED,
                e -> e.subject().equals(community)).data(CommunityUpdated.class);
        assertEquals("APPROVAL", updated.admission());
        assertEquals("Asia/Shanghai", updated.timeZone());
        assertEquals(List.of("Why?"), updated.questions());
        assertEquals("Morning Runners", updated.name());
        assertEquals(100, updated.sizeCap());
        assertEquals(admin, updated.updatedBy());

        as(TestTokens.operator(owner)).get("/communities/{id}/audit", community).then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[1].action", equalTo("SETTINGS_CHANGED"))
                .body("items[1].actorId", equalTo(admin))
                .body("items[1].details",
                        equalTo("timeZone: UTC -> Asia/Shanghai; admission: OPEN -> APPROVAL; questions changed"));
    }

    @Test
    void patchThatChangesNothingPublishesAndRecordsNothing() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, 30);
        KafkaEvents.awaitEvent(EventType.COMMUNITY_CREATED, e -> e.subject().equals(community));
        long events = Stored.outboxEvents(community);

        as(TestTokens.operator(owner)).body(Map.of("name", "Morning Runners", "sizeCap", 30, "timeZone", "UTC"))
                .patch("/communities/{id}", community).then().statusCode(200).body("sizeCap", equalTo(30));
        as(TestTokens.operator(owner)).body(Map.of()).patch("/communities/{id}", community).then().statusCode(200);

        assertEquals(events, Stored.outboxEvents(community));
        assertEquals(0, Stored.auditEntries(community));
    }

    @Test
    void nullRemovesRulesAndCapAndRestoresDefaultsButNeverTheName() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, 30);
        MembershipApi.update(community, owner, Map.of("rules", "No ads", "timeZone", "Europe/Berlin",
                "admission", "CLOSED"));

        Map<String, Object> removals = new HashMap<>();
        removals.put("rules", null);
        removals.put("sizeCap", null);
        removals.put("timeZone", null);
        removals.put("admission", null);
        as(TestTokens.operator(owner)).body(removals).patch("/communities/{id}", community)
                .then().statusCode(200)
                .body("rules", nullValue()).body("sizeCap", nullValue())
                .body("timeZone", equalTo("UTC")).body("admission", equalTo("OPEN"));
        CommunityUpdated last = KafkaEvents.awaitEvents(EventType.COMMUNITY_UPDATED,
                e -> e.subject().equals(community), 2).get(1).data(CommunityUpdated.class);
        assertNull(last.rules());
        assertNull(last.sizeCap());
        assertEquals("OPEN", last.admission());

        long events = Stored.outboxEvents(community);
        Map<String, Object> noName = new HashMap<>();
        noName.put("name", null);
        noName.put("theme", " ");
        noName.put("admission", "CLOSED");
        as(TestTokens.operator(owner)).body(noName).patch("/communities/{id}", community)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("name", "theme"));
        as(TestTokens.operator(owner)).body(Map.of("timeZone", "Asia/Nowhere", "sizeCap", 0))
                .patch("/communities/{id}", community)
                .then().statusCode(400).body("violations.field", hasItem("timeZone"))
                .body("violations.field", hasItem("sizeCap"));
        as(TestTokens.member(owner)).get("/communities/{id}", community).then()
                .body("admission", equalTo("OPEN")).body("name", equalTo("Morning Runners"));
        assertEquals(events, Stored.outboxEvents(community));
    }

    @Test
    void mergePatchMediaTypeIsAccepted() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, null);
        as(TestTokens.operator(owner)).contentType("application/merge-patch+json")
                .body("{\"rules\": \"Be kind\"}").patch("/communities/{id}", community)
                .then().statusCode(200).body("rules", equalTo("Be kind"));
    }

    @Test
    void onlyStaffChangeSettingsAndARefusalWritesNothing() {
        String owner = "owner-" + UUID.randomUUID();
        String member = "member-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, null);
        MembershipApi.join(community, member);
        KafkaEvents.awaitEvents(EventType.MEMBER_JOINED, e -> e.subject().equals(community), 2);
        long events = Stored.outboxEvents(community);

        as(TestTokens.member(member)).body(Map.of("admission", "CLOSED")).patch("/communities/{id}", community)
                .then().statusCode(403).contentType("application/problem+json");
        String otherOwner = "owner-" + UUID.randomUUID();
        MembershipApi.createCommunity(otherOwner, null);
        as(TestTokens.operator(otherOwner)).body(Map.of("admission", "CLOSED"))
                .patch("/communities/{id}", community).then().statusCode(403);

        assertEquals(events, Stored.outboxEvents(community));
        as(TestTokens.member(member)).get("/communities/{id}", community).then().body("admission", equalTo("OPEN"));
    }

    /** A cap under the member count removes nobody; joins are refused until enough members have left. */
    @Test
    void capBelowTheMemberCountIsAcceptedAndStopsJoinsUntilMembersLeave() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, null);
        String first = "member-" + UUID.randomUUID();
        String second = "member-" + UUID.randomUUID();
        MembershipApi.join(community, first);
        MembershipApi.join(community, second);

        as(TestTokens.operator(owner)).body(Map.of("sizeCap", 2)).patch("/communities/{id}", community)
                .then().statusCode(200).body("sizeCap", equalTo(2)).body("memberCount", equalTo(3));
        String newcomer = "member-" + UUID.randomUUID();
        as(TestTokens.member(newcomer)).body("{}").post("/communities/{id}/members", community)
                .then().statusCode(422).body("type", equalTo("https://hearth.dev/problems/community-full"));

        as(TestTokens.member(first)).delete("/communities/{id}/members/me", community).then().statusCode(204);
        as(TestTokens.member(newcomer)).body("{}").post("/communities/{id}/members", community)
                .then().statusCode(422);
        as(TestTokens.member(second)).delete("/communities/{id}/members/me", community).then().statusCode(204);
        MembershipApi.join(community, newcomer);
        as(TestTokens.member(owner)).get("/communities/{id}", community).then().body("memberCount", equalTo(2));
    }

    @Test
    void auditPagesOldestFirstWithACursor() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, null);
        String member = "member-" + UUID.randomUUID();
        MembershipApi.join(community, member);
        MembershipApi.update(community, owner, Map.of("rules", "One"));
        MembershipApi.update(community, owner, Map.of("timeZone", "Asia/Tokyo"));
        as(TestTokens.operator(owner)).body(Map.of("role", "ADMIN"))
                .put("/communities/{id}/members/{user}/role", community, member).then().statusCode(200);

        String cursor = as(TestTokens.operator(owner)).queryParam("limit", 2)
                .get("/communities/{id}/audit", community).then().statusCode(200)
                .body("items.action", contains("SETTINGS_CHANGED", "SETTINGS_CHANGED"))
                .body("items[0].details", equalTo("rules changed"))
                .body("items[1].details", equalTo("timeZone: UTC -> Asia/Tokyo"))
                .extract().path("nextCursor");
        as(TestTokens.operator(owner)).queryParam("after", cursor).queryParam("limit", 2)
                .get("/communities/{id}/audit", community).then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].action", equalTo("ROLE_CHANGED"))
                .body("items[0].subjectId", equalTo(member))
                .body("items[0].details", equalTo("role: MEMBER -> ADMIN"))
                .body("nextCursor", nullValue());

        // Plain members and other communities' staff do not read it.
        String plain = "member-" + UUID.randomUUID();
        MembershipApi.join(community, plain);
        as(TestTokens.member(plain)).get("/communities/{id}/audit", community).then().statusCode(403);
        as(TestTokens.operator(owner)).queryParam("after", "x").get("/communities/{id}/audit", community)
                .then().statusCode(400).body("violations[0].field", equalTo("after"));
    }
}
