package io.hearth.membership;

import static io.hearth.membership.MembershipApi.createCommunity;
import static io.hearth.membership.MembershipApi.join;
import static io.hearth.testing.Requests.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.hearth.contracts.events.EventType;
import io.hearth.contracts.events.PartnerAccessGranted;
import io.hearth.contracts.events.PartnerAccessRevoked;
import io.hearth.contracts.events.PartnerScope;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.PublishedEvent;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(HearthTestResource.class)
class PartnerGrantTest {
    private static final String GRANT = "/communities/{id}/partners/{clientId}";
    private static final String PARTNERS = "/communities/{id}/partners";
    private static final String MEMBERS = "/communities/{id}/members";
    private static final String PROBLEMS = "https://hearth.dev/problems/";

    @Test
    void ownerGrantsScopesThatArePublishedAndListed() {
        String owner = "owner-" + UUID.randomUUID();
        String community = createCommunity(owner, null);
        String client = "crm-" + UUID.randomUUID();

        as(TestTokens.operator(owner)).body(Map.of("scopes", List.of("members:read", "events:subscribe")))
                .put(GRANT, community, client)
                .then().statusCode(200).contentType("application/json")
                .body("clientId", equalTo(client)).body("communityId", equalTo(community))
                .body("scopes", containsInAnyOrder("members:read", "events:subscribe"))
                .body("grantedBy", equalTo(owner));

        PartnerAccessGranted granted = KafkaEvents.awaitEvent(EventType.PARTNER_ACCESS_GRANTED,
                e -> e.subject().equals(community)).data(PartnerAccessGranted.class);
        assertEquals(client, granted.clientId());
        assertEquals(List.of(PartnerScope.MEMBERS_READ, PartnerScope.EVENTS_SUBSCRIBE), granted.scopes());
        assertEquals(owner, granted.grantedBy());

        as(TestTokens.operator(owner)).get(PARTNERS, community).then().statusCode(200)
                .body("clientId", equalTo(List.of(client)))
                .body("[0].scopes", containsInAnyOrder("members:read", "events:subscribe"));
    }

    @Test
    void grantingTheSameScopesAgainPublishesNothingAndNewScopesReplaceTheOld() {
        String owner = "owner-" + UUID.randomUUID();
        String community = createCommunity(owner, null);
        String client = "crm-" + UUID.randomUUID();
        grant(owner, community, client, "members:read", "posts:write");
        grant(owner, community, client, "posts:write", "members:read");
        as(TestTokens.operator(owner)).body(Map.of("scopes", List.of("analytics:read")))
                .put(GRANT, community, client).then().statusCode(200).body("scopes", equalTo(List.of("analytics:read")));

        List<PublishedEvent> events = KafkaEvents.awaitEvents(EventType.PARTNER_ACCESS_GRANTED,
                e -> e.subject().equals(community), 2);
        assertEquals(List.of(List.of(PartnerScope.MEMBERS_READ, PartnerScope.POSTS_WRITE),
                List.of(PartnerScope.ANALYTICS_READ)),
                events.stream().map(e -> e.data(PartnerAccessGranted.class).scopes()).toList());
    }

    @Test
    void onlyTheOwnerGrantsAndRevokes() {
        String owner = "owner-" + UUID.randomUUID();
        String community = createCommunity(owner, null);
        String admin = "admin-" + UUID.randomUUID();
        String member = "member-" + UUID.randomUUID();
        join(community, admin);
        join(community, member);
        as(TestTokens.operator(owner)).body(Map.of("role", "ADMIN"))
                .put("/communities/{id}/members/{userId}/role", community, admin).then().statusCode(200);
        String client = "crm-" + UUID.randomUUID();
        grant(owner, community, client, "members:read");

        for (String token : List.of(TestTokens.operator(admin), TestTokens.member(member),
                TestTokens.operator("stranger-" + UUID.randomUUID()), TestTokens.partner(client))) {
            as(token).body(Map.of("scopes", List.of("members:read", "posts:write")))
                    .put(GRANT, community, client)
                    .then().statusCode(403).contentType("application/problem+json");
            as(token).delete(GRANT, community, client).then().statusCode(403);
        }
        given().contentType("application/json").body(Map.of("scopes", List.of("members:read")))
                .put(GRANT, community, client).then().statusCode(401);

        // Staff read the grants; a plain member or the partner itself does not.
        as(TestTokens.operator(admin)).get(PARTNERS, community).then().statusCode(200).body("", hasSize(1));
        as(TestTokens.member(member)).get(PARTNERS, community).then().statusCode(403);
        as(TestTokens.partner(client)).get(PARTNERS, community).then().statusCode(403);
        // Nothing changed.
        as(TestTokens.operator(owner)).get(PARTNERS, community).then().statusCode(200)
                .body("[0].scopes", equalTo(List.of("members:read")));
    }

    @Test
    void badScopesOrClientIdsAre400() {
        String owner = "owner-" + UUID.randomUUID();
        String community = createCommunity(owner, null);
        as(TestTokens.operator(owner)).body(Map.of("scopes", List.of())).put(GRANT, community, "crm")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "validation"));
        as(TestTokens.operator(owner)).body(Map.of("scopes", List.of("admin:everything"))).put(GRANT, community, "crm")
                .then().statusCode(400).body("type", equalTo(PROBLEMS + "validation"));
        as(TestTokens.operator(owner)).body("{}").put(GRANT, community, "crm")
                .then().statusCode(400).body("type", equalTo(PROBLEMS + "validation"));
        as(TestTokens.operator(owner)).body(Map.of("scopes", List.of("members:read")))
                .put(GRANT, community, "bad client id!")
                .then().statusCode(400).body("type", equalTo(PROBLEMS + "validation"));
        as(TestTokens.operator(owner)).get(PARTNERS, community).then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void partnerReadsMembersOnlyWithMembersReadAndRevocationHoldsAtOnce() {
        String owner = "owner-" + UUID.randomUUID();
        String community = createCommunity(owner, null);
        String client = "crm-" + UUID.randomUUID();
        String partner = TestTokens.partner(client);

        as(partner).get(MEMBERS, community).then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "partner-scope-missing"));
        grant(owner, community, client, "posts:write");
        as(partner).get(MEMBERS, community).then().statusCode(403)
                .body("type", equalTo(PROBLEMS + "partner-scope-missing"));

        grant(owner, community, client, "members:read");
        as(partner).get(MEMBERS, community).then().statusCode(200).body("items.userId", equalTo(List.of(owner)));
        // A grant in one community opens nothing in another.
        String other = createCommunity(owner, null);
        as(partner).get(MEMBERS, other).then().statusCode(403);
        // Nor anything the scope does not name.
        as(partner).get("/communities/{id}", community).then().statusCode(403);
        as(partner).body(Map.of("channel", "INVITE_LINK")).post("/communities/{id}/entries", community)
                .then().statusCode(403);

        as(TestTokens.operator(owner)).delete(GRANT, community, client).then().statusCode(204);
        as(partner).get(MEMBERS, community).then().statusCode(403)
                .body("type", equalTo(PROBLEMS + "partner-scope-missing"));
        PartnerAccessRevoked revoked = KafkaEvents.awaitEvent(EventType.PARTNER_ACCESS_REVOKED,
                e -> e.subject().equals(community)).data(PartnerAccessRevoked.class);
        assertEquals(client, revoked.clientId());
        assertEquals(owner, revoked.revokedBy());
        as(TestTokens.operator(owner)).delete(GRANT, community, client).then().statusCode(404)
                .body("type", equalTo(PROBLEMS + "not-found"));
    }

    @Test
    void partnerCannotJoinACommunity() {
        String owner = "owner-" + UUID.randomUUID();
        String community = createCommunity(owner, null);
        as(TestTokens.partner("crm-" + UUID.randomUUID())).body("{}").post(MEMBERS, community)
                .then().statusCode(403).contentType("application/problem+json");
        as(TestTokens.operator(owner)).get(MEMBERS, community).then().statusCode(200)
                .body("items.userId", equalTo(List.of(owner)));
    }

    private static void grant(String owner, String community, String client, String... scopes) {
        as(TestTokens.operator(owner)).body(Map.of("scopes", List.of(scopes))).put(GRANT, community, client)
                .then().statusCode(200);
    }
}
