package io.hearth.membership;

import static io.hearth.testing.Requests.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.hearth.contracts.events.CommunityTierChanged;
import io.hearth.contracts.events.EventType;
import io.hearth.contracts.events.MemberLeft;
import io.hearth.contracts.events.Topics;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.PublishedEvent;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(HearthTestResource.class)
class SizeTierTest {

    @Test
    void the50thMemberMakesTheCommunityMediumAndTheirLeavingMakesItSmallAgain() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, null);
        // The owner is the first member; 48 more make 49, still small.
        for (int i = 0; i < 48; i++) {
            MembershipApi.join(community, "member-" + i + "-" + UUID.randomUUID());
        }
        as(TestTokens.member(owner)).get("/communities/{id}", community).then()
                .body("memberCount", equalTo(49)).body("sizeTier", equalTo("SMALL"));

        String fiftieth = "member-50-" + UUID.randomUUID();
        MembershipApi.join(community, fiftieth);
        as(TestTokens.member(owner)).get("/communities/{id}", community).then()
                .body("memberCount", equalTo(50)).body("sizeTier", equalTo("MEDIUM"));
        as(TestTokens.member(fiftieth)).delete("/communities/{id}/members/me", community).then().statusCode(204);
        as(TestTokens.member(owner)).get("/communities/{id}", community).then()
                .body("memberCount", equalTo(49)).body("sizeTier", equalTo("SMALL"));

        // In the community's order: the crossing up right after the 50th join, the crossing down after the leave.
        List<PublishedEvent> events = KafkaEvents.awaitCommunityEvents(Topics.MEMBERSHIP, community,
                all -> all.stream().filter(e -> e.is(EventType.COMMUNITY_TIER_CHANGED)).count() >= 2);
        List<CommunityTierChanged> tiers = events.stream().filter(e -> e.is(EventType.COMMUNITY_TIER_CHANGED))
                .map(e -> e.data(CommunityTierChanged.class)).toList();
        assertEquals(List.of(new CommunityTierChanged(community, "SMALL", "MEDIUM", 50),
                new CommunityTierChanged(community, "MEDIUM", "SMALL", 49)), tiers);
        List<String> types = events.stream().map(PublishedEvent::type).toList();
        int up = types.indexOf("hearth.community.tier-changed");
        assertEquals("hearth.member.joined", types.get(up - 1));
        assertEquals(51, up, "the 50th join (after the creation and 49 joins) comes right before the crossing");
        int leave = types.indexOf("hearth.member.left");
        assertEquals(fiftieth, events.get(leave).data(MemberLeft.class).userId());
        assertEquals("hearth.community.tier-changed", types.get(leave + 1));
    }

    @Test
    void joinsAndLeavesWithinATierPublishNoTierChange() {
        String owner = "owner-" + UUID.randomUUID();
        String community = MembershipApi.createCommunity(owner, null);
        String member = "member-" + UUID.randomUUID();
        MembershipApi.join(community, member);
        as(TestTokens.member(member)).delete("/communities/{id}/members/me", community).then().statusCode(204);
        KafkaEvents.awaitEvent(EventType.MEMBER_LEFT, e -> e.subject().equals(community));
        assertEquals(0, KafkaEvents.events(EventType.COMMUNITY_TIER_CHANGED, e -> e.subject().equals(community))
                .size());
    }
}
