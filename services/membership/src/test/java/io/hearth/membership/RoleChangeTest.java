package io.hearth.membership;

import static io.hearth.testing.Requests.as;
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
class RoleChangeTest {

    @Test
    void ownerMakesAMemberAnAdminWhoMayThenRunTheCommunity() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, null);
        String member = "member-" + UUID.randomUUID();
        MembershipApi.join(community, member);
        as(TestTokens.member(member)).body(Map.of("channel", "INVITE_LINK"))
                .post("/communities/{id}/entries", community).then().statusCode(403);

        as(TestTokens.operator(owner)).body(Map.of("role", "ADMIN"))
                .put("/communities/{id}/members/{user}/role", community, member)
                .then().statusCode(200).body("role", equalTo("ADMIN"));

        MemberRoleChanged changed = KafkaEvents.awaitEvent(EventType.MEMBER_ROLE_CHANGED,
                e -> e.subject().equals(community)).data(MemberRoleChanged.class);
        assertEquals(member, changed.userId());
        assertEquals(CommunityRole.ADMIN, changed.role());
        assertEquals(CommunityRole.MEMBER, changed.previousRole());
        assertEquals(owner, changed.changedBy());
        as(TestTokens.member(member)).body(Map.of("channel", "INVITE_LINK"))
                .post("/communities/{id}/entries", community).then().statusCode(201);
        as(TestTokens.member(member)).get("/communities/{id}/members", community).then().statusCode(200);
    }

    @Test
    void onlyTheOwnerChangesRolesAndNotTheirOwn() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, null);
        String admin = "admin-" + UUID.randomUUID();
        String member = "member-" + UUID.randomUUID();
        MembershipApi.join(community, admin);
        MembershipApi.join(community, member);
        as(TestTokens.operator(owner)).body(Map.of("role", "ADMIN"))
                .put("/communities/{id}/members/{user}/role", community, admin).then().statusCode(200);

        as(TestTokens.member(admin)).body(Map.of("role", "ADMIN"))
                .put("/communities/{id}/members/{user}/role", community, member).then().statusCode(403);
        String otherOwner = "owner-" + UUID.randomUUID();
        MembershipApi.createCommunity(otherOwner, null);
        as(TestTokens.operator(otherOwner)).body(Map.of("role", "ADMIN"))
                .put("/communities/{id}/members/{user}/role", community, member).then().statusCode(403);
        as(TestTokens.operator(owner)).body(Map.of("role", "MEMBER"))
                .put("/communities/{id}/members/{user}/role", community, owner).then().statusCode(409);
        as(TestTokens.operator(owner)).body(Map.of("role", "OWNER"))
                .put("/communities/{id}/members/{user}/role", community, member)
                .then().statusCode(400).body("violations[0].field", equalTo("role"));
        as(TestTokens.operator(owner)).body(Map.of("role", "ADMIN"))
                .put("/communities/{id}/members/{user}/role", community, "nobody-" + UUID.randomUUID())
                .then().statusCode(404);

        // Setting the role someone has changes nothing: the admin's promotion stays the only role event.
        as(TestTokens.operator(owner)).body(Map.of("role", "ADMIN"))
                .put("/communities/{id}/members/{user}/role", community, admin).then().statusCode(200);
        as(TestTokens.operator(owner)).body(Map.of("role", "MEMBER"))
                .put("/communities/{id}/members/{user}/role", community, admin).then().statusCode(200);
        List<CommunityRole> roles = KafkaEvents.awaitEvents(EventType.MEMBER_ROLE_CHANGED,
                e -> e.subject().equals(community), 2).stream().map(e -> e.data(MemberRoleChanged.class).role())
                .toList();
        assertEquals(List.of(CommunityRole.ADMIN, CommunityRole.MEMBER), roles);
    }
}
