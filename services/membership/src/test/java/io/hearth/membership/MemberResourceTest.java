package io.hearth.membership;

import static io.hearth.testing.Requests.as;
import static org.hamcrest.Matchers.equalTo;
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
import io.hearth.contracts.events.MemberJoined;
import io.hearth.contracts.events.MemberLeft;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(HearthTestResource.class)
class MemberResourceTest {

    @Test
    void joinThroughReferralIsAttributedToTheReferrer() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, null);
        String code = MembershipApi.createEntry(community, owner, "REFERRAL");
        String member = "member-" + UUID.randomUUID();

        as(TestTokens.member(member)).body(Map.of("entryCode", code)).post("/communities/{id}/members", community)
                .then().statusCode(201).body("role", equalTo("MEMBER")).body("channel", equalTo("REFERRAL"))
                .body("referrerId", equalTo(owner));

        MemberJoined joined = KafkaEvents.awaitEvent(EventType.MEMBER_JOINED,
                e -> e.subject().equals(community) && e.data(MemberJoined.class).userId().equals(member))
                .data(MemberJoined.class);
        assertEquals(CommunityRole.MEMBER, joined.role());
        assertEquals(code, joined.entryCode());
        assertEquals(owner, joined.referrerId());
        // Addressed by the token's username (the test tokens carry no name claim).
        assertEquals(member, joined.displayName());
    }

    @Test
    void joiningTwiceIsAConflict() {
        String community = MembershipApi.createCommunity("owner-" + UUID.randomUUID(), null);
        String member = "member-" + UUID.randomUUID();
        MembershipApi.join(community, member);
        as(TestTokens.member(member)).body("{}").post("/communities/{id}/members", community)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://hearth.dev/problems/already-member"));
    }

    @Test
    void fullCommunityRefusesWithUnprocessableAndWritesNothing() {
        String community = MembershipApi.createCommunity("owner-" + UUID.randomUUID(), 2);
        String first = "first-" + UUID.randomUUID();
        MembershipApi.join(community, first);
        String late = "late-" + UUID.randomUUID();
        as(TestTokens.member(late)).body("{}").post("/communities/{id}/members", community)
                .then().statusCode(422).contentType("application/problem+json").body("detail", notNullValue())
                .body("type", equalTo("https://hearth.dev/problems/community-full"));
        // Events of one community are published in commit order: once a later one is out, a join would be too.
        as(TestTokens.member(first)).delete("/communities/{id}/members/me", community).then().statusCode(204);
        KafkaEvents.awaitEvent(EventType.MEMBER_LEFT, e -> e.subject().equals(community));
        assertEquals(0, KafkaEvents.events(EventType.MEMBER_JOINED,
                e -> e.data(MemberJoined.class).userId().equals(late)).size());
    }

    @Test
    void unknownCommunityIs404AndForeignEntryCodeIs400() {
        as(TestTokens.member("m-" + UUID.randomUUID())).body("{}")
                .post("/communities/{id}/members", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        String owner = "owner-" + UUID.randomUUID();
        String other = MembershipApi.createCommunity(owner, null);
        String foreignCode = MembershipApi.createEntry(other, owner, "INVITE_LINK");
        String community = MembershipApi.createCommunity("owner-" + UUID.randomUUID(), null);
        as(TestTokens.member("m-" + UUID.randomUUID())).body(Map.of("entryCode", foreignCode))
                .post("/communities/{id}/members", community)
                .then().statusCode(400).body("violations[0].field", equalTo("entryCode"));
    }

    @Test
    void memberLeavesAndMayRejoin() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, null);
        String member = "member-" + UUID.randomUUID();
        MembershipApi.join(community, member);

        as(TestTokens.member(member)).delete("/communities/{id}/members/me", community).then().statusCode(204);
        KafkaEvents.awaitEvent(EventType.MEMBER_LEFT, e -> e.subject().equals(community)
                && e.data(MemberLeft.class).userId().equals(member));
        as(TestTokens.member(member)).delete("/communities/{id}/members/me", community).then().statusCode(404);
        as(TestTokens.operator(owner)).delete("/communities/{id}/members/me", community).then().statusCode(409);

        MembershipApi.join(community, member);
        assertEquals(2, KafkaEvents.awaitEvents(EventType.MEMBER_JOINED, e -> e.subject().equals(community)
                && e.data(MemberJoined.class).userId().equals(member), 2).size());
    }

    @Test
    void repeatedJoinWithSameIdempotencyKeyIsNotAConflict() {
        String community = MembershipApi.createCommunity("owner-" + UUID.randomUUID(), null);
        String member = "member-" + UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            as(TestTokens.member(member)).header("Idempotency-Key", "join-1").body("{}")
                    .post("/communities/{id}/members", community).then().statusCode(201);
        }
        assertEquals(1, KafkaEvents.awaitEvents(EventType.MEMBER_JOINED, e -> e.subject().equals(community)
                && e.data(MemberJoined.class).userId().equals(member), 1).size());
    }

    @Test
    void staffListsMembersPageByPage() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, null);
        List<String> members = List.of("a-" + UUID.randomUUID(), "b-" + UUID.randomUUID(), "c-" + UUID.randomUUID());
        members.forEach(m -> MembershipApi.join(community, m));

        String cursor = as(TestTokens.operator(owner)).queryParam("limit", 2).get("/communities/{id}/members", community)
                .then().statusCode(200).body("items", hasSize(2)).body("items[0].userId", equalTo(owner))
                .body("nextCursor", notNullValue()).extract().path("nextCursor");
        as(TestTokens.operator(owner)).queryParam("limit", 2).queryParam("after", cursor)
                .get("/communities/{id}/members", community)
                .then().statusCode(200).body("items.userId", equalTo(members.subList(1, 3)))
                .body("nextCursor", nullValue());

        as(TestTokens.member(members.get(0))).get("/communities/{id}/members", community).then().statusCode(403);
        as(TestTokens.operator(owner)).queryParam("limit", 0).get("/communities/{id}/members", community)
                .then().statusCode(400).body("violations[0].field", equalTo("limit"));
        as(TestTokens.operator(owner)).queryParam("limit", 100).get("/communities/{id}/members", community)
                .then().statusCode(200);
        as(TestTokens.operator(owner)).queryParam("limit", 101).get("/communities/{id}/members", community)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("limit"));
        as(TestTokens.operator(owner)).queryParam("after", "zzz").get("/communities/{id}/members", community)
                .then().statusCode(400);
    }

    @Test
    void partnerAndTokensWithoutTheMemberRoleCannotJoin() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, null);
        String partner = "service-account-partner-" + UUID.randomUUID();
        String roleless = "roleless-" + UUID.randomUUID();
        for (String token : List.of(TestTokens.token(partner, "partner"), TestTokens.token(roleless))) {
            as(token).body("{}").post("/communities/{id}/members", community)
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo("https://hearth.dev/problems/forbidden"));
        }
        // Nobody joined: the owner's list holds the owner alone.
        as(TestTokens.operator(owner)).get("/communities/{id}/members", community)
                .then().statusCode(200).body("items.userId", equalTo(List.of(owner)));
    }
}
