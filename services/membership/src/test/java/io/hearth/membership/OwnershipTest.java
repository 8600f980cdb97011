package io.hearth.membership;

import static io.hearth.testing.Requests.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.EventType;
import io.hearth.contracts.events.MemberRoleChanged;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(HearthTestResource.class)
class OwnershipTest {

    @Test
    void ownerHandsOwnershipToAMemberAndBecomesAnAdminWhoMayThenLeave() {
        String owner = "owner-" + UUID.randomUUID();
        String heir = "member-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, null);
        MembershipApi.join(community, heir);
        as(TestTokens.member(owner)).delete("/communities/{id}/members/me", community)
                .then().statusCode(409).body("type", equalTo("https://hearth.dev/problems/owner-immutable"))
                .body("detail", containsString("hand ownership"));

        as(TestTokens.operator(owner)).body(Map.of("userId", heir)).put("/communities/{id}/owner", community)
                .then().statusCode(200).body("ownerId", equalTo(heir));

        List<MemberRoleChanged> changes = KafkaEvents.awaitEvents(EventType.MEMBER_ROLE_CHANGED,
                e -> e.subject().equals(community), 2).stream().map(e -> e.data(MemberRoleChanged.class)).toList();
        assertEquals(List.of(
                new MemberRoleChanged(community, owner, CommunityRole.ADMIN, CommunityRole.OWNER, owner),
                new MemberRoleChanged(community, heir, CommunityRole.OWNER, CommunityRole.MEMBER, owner)), changes);
        as(TestTokens.member(heir)).get("/communities/{id}/members", community).then().statusCode(200)
                .body("items.find { it.userId == '" + owner + "' }.role", equalTo("ADMIN"))
                .body("items.find { it.userId == '" + heir + "' }.role", equalTo("OWNER"));
        as(TestTokens.member(heir)).get("/communities/{id}/audit", community).then().statusCode(200)
                .body("items[0].action", equalTo("OWNERSHIP_TRANSFERRED"))
                .body("items[0].actorId", equalTo(owner))
                .body("items[0].subjectId", equalTo(heir));

        // The new owner runs it; the old one is an admin now, who may leave, and can hand nothing over.
        as(TestTokens.member(heir)).body(Map.of("role", "MEMBER"))
                .put("/communities/{id}/members/{user}/role", community, owner).then().statusCode(200);
        as(TestTokens.operator(owner)).body(Map.of("userId", owner)).put("/communities/{id}/owner", community)
                .then().statusCode(403);
        as(TestTokens.member(owner)).delete("/communities/{id}/members/me", community).then().statusCode(204);
    }

    @Test
    void ownershipGoesToAnAdminToo() {
        String owner = "owner-" + UUID.randomUUID();
        String admin = "admin-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, null);
        MembershipApi.join(community, admin);
        as(TestTokens.operator(owner)).body(Map.of("role", "ADMIN"))
                .put("/communities/{id}/members/{user}/role", community, admin).then().statusCode(200);
        as(TestTokens.operator(owner)).body(Map.of("userId", admin)).put("/communities/{id}/owner", community)
                .then().statusCode(200).body("ownerId", equalTo(admin));
        MemberRoleChanged promoted = KafkaEvents.awaitEvent(EventType.MEMBER_ROLE_CHANGED,
                e -> e.subject().equals(community) && e.data(MemberRoleChanged.class).role() == CommunityRole.OWNER)
                .data(MemberRoleChanged.class);
        assertEquals(CommunityRole.ADMIN, promoted.previousRole());
    }

    @Test
    void onlyTheOwnerHandsOverOnlyToAMemberAndNotToThemselfAndRefusalsWriteNothing() {
        String owner = "owner-" + UUID.randomUUID();
        String admin = "admin-" + UUID.randomUUID();
        String member = "member-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, null);
        MembershipApi.join(community, admin);
        MembershipApi.join(community, member);
        as(TestTokens.operator(owner)).body(Map.of("role", "ADMIN"))
                .put("/communities/{id}/members/{user}/role", community, admin).then().statusCode(200);
        KafkaEvents.awaitEvent(EventType.MEMBER_ROLE_CHANGED, e -> e.subject().equals(community));
        long events = Stored.outboxEvents(community);
        long audited = Stored.auditEntries(community);

        as(TestTokens.member(admin)).body(Map.of("userId", admin)).put("/communities/{id}/owner", community)
                .then().statusCode(403).contentType("application/problem+json");
        as(TestTokens.member(member)).body(Map.of("userId", member)).put("/communities/{id}/owner", community)
                .then().statusCode(403);
        as(TestTokens.operator(owner)).body(Map.of("userId", "stranger-" + UUID.randomUUID()))
                .put("/communities/{id}/owner", community)
                .then().statusCode(404).body("type", equalTo("https://hearth.dev/problems/not-found"));
        as(TestTokens.operator(owner)).body(Map.of("userId", owner)).put("/communities/{id}/owner", community)
                .then().statusCode(409).body("type", equalTo("https://hearth.dev/problems/already-owner"));
        as(TestTokens.operator(owner)).body(Map.of("userId", " ")).put("/communities/{id}/owner", community)
                .then().statusCode(400).body("violations[0].field", equalTo("userId"));

        assertEquals(events, Stored.outboxEvents(community));
        assertEquals(audited, Stored.auditEntries(community));
        as(TestTokens.member(owner)).get("/communities/{id}", community).then().body("ownerId", equalTo(owner));
    }
}
