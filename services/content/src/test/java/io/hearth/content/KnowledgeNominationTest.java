package io.hearth.content;

import static io.hearth.testing.Requests.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.EventType;
import io.hearth.contracts.events.PostFeatured;
import io.hearth.contracts.events.PostUnfeatured;
import io.hearth.contracts.events.ReactionAdded;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.PublishedEvent;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Automatic nomination, driven by replies' and reactions' events through the real broker and judged on the post's
 * counters. "Not nominated" is proved with a witness: a post that qualifies, whose events follow on the community's
 * partition; once the witness is nominated, every earlier event of the community has been applied.
 */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class KnowledgeNominationTest {
    private final String community = UUID.randomUUID().toString();
    private final String owner = "owner-" + UUID.randomUUID();
    private final String member = "member-" + UUID.randomUUID();

    @BeforeEach
    void arrange() {
        ContentApi.joined(community, owner, CommunityRole.OWNER);
        ContentApi.joined(community, member, CommunityRole.MEMBER);
    }

    @Test
    void postIsNominatedWhenRepliesPlusReactionsReachTheThresholdAndNotBelow() {
        threshold(3);
        String post = ContentApi.post(community, member, "How I trained for my first 10 km", List.of("running"));
        Knowledge.replied(community, post, member);
        Knowledge.reacted(community, post, member);
        witnessNominated();
        assertEquals(List.of(), featuredEvents(post));
        as(TestTokens.member(member)).get("/communities/{id}/knowledge", community).then().statusCode(200)
                .body("items.postId", equalTo(List.of(witness)));

        Knowledge.reacted(community, post, member);
        PublishedEvent event = KafkaEvents.awaitEvent(EventType.POST_FEATURED, e -> e.subject().equals(community)
                && e.data(PostFeatured.class).postId().equals(post));
        assertEquals(new PostFeatured(community, post, member, "hearth", true), event.data(PostFeatured.class));
        as(TestTokens.member(member)).queryParam("q", "trained").get("/communities/{id}/knowledge", community)
                .then().statusCode(200).body("items.postId", equalTo(List.of(post)))
                .body("items[0].featuredBy", equalTo("hearth")).body("items[0].replyCount", equalTo(1))
                .body("items[0].reactionCount", equalTo(2));

        // More engagement, and the same event delivered again, nominate nothing twice.
        String again = UUID.randomUUID().toString();
        ReactionAdded reaction = new ReactionAdded(community, post, "u-" + UUID.randomUUID(), "love", member);
        KafkaEvents.publish(reaction, Instant.now(), again);
        KafkaEvents.publish(reaction, Instant.now(), again);
        Knowledge.replied(community, post, member);
        witnessNominated();
        assertEquals(1, featuredEvents(post).size());
    }

    @Test
    void theDefaultThresholdIsTen() {
        as(TestTokens.member(owner)).get("/communities/{id}/knowledge/settings", community).then().statusCode(200)
                .body("nominationThreshold", equalTo(10)).body("communityId", equalTo(community));
        String post = ContentApi.post(community, member, "Nine is not enough", List.of());
        Knowledge.counters(post, 4, 4);
        Knowledge.replied(community, post, member);
        witnessNominated();
        assertEquals(List.of(), featuredEvents(post));
        Knowledge.reacted(community, post, member);
        KafkaEvents.awaitEvent(EventType.POST_FEATURED, e -> e.subject().equals(community)
                && e.data(PostFeatured.class).postId().equals(post));
    }

    @Test
    void postStaffUnfeaturedIsNeverNominatedAgainButStaffMayFeatureItAgain() {
        threshold(1);
        String post = ContentApi.post(community, member, "Popular, but not what we want to keep", List.of());
        Knowledge.reacted(community, post, member);
        KafkaEvents.awaitEvent(EventType.POST_FEATURED, e -> e.subject().equals(community)
                && e.data(PostFeatured.class).postId().equals(post));

        as(TestTokens.member(owner)).delete("/communities/{c}/posts/{p}/featured", community, post)
                .then().statusCode(204);
        PublishedEvent unfeatured = KafkaEvents.awaitEvent(EventType.POST_UNFEATURED,
                e -> e.subject().equals(community));
        assertEquals(new PostUnfeatured(community, post, owner), unfeatured.data(PostUnfeatured.class));
        Knowledge.reacted(community, post, member);
        Knowledge.replied(community, post, member);
        witnessNominated();
        assertEquals(1, featuredEvents(post).size());

        Knowledge.feature(community, owner, post);
        List<PublishedEvent> featured = KafkaEvents.awaitEvents(EventType.POST_FEATURED, e -> e.subject()
                .equals(community) && e.data(PostFeatured.class).postId().equals(post), 2);
        assertEquals(new PostFeatured(community, post, member, owner, false), featured.get(1).data(PostFeatured.class));
    }

    @Test
    void welcomesAndRemovedPostsAreNeverNominated() {
        threshold(1);
        String welcome = ContentApi.post(community, owner, "Welcome, Ana!", List.of());
        Knowledge.sql("update post set kind = 'WELCOME', author_id = 'hearth' where id = ?",
                UUID.fromString(welcome));
        String removed = ContentApi.post(community, member, "Buy cheap watches", List.of());
        Knowledge.sql("update post set removed_at = now(), removed_by = ? where id = ?", owner,
                UUID.fromString(removed));
        String unfeaturedEarly = ContentApi.post(community, member, "Kept out before it was popular", List.of());
        as(TestTokens.member(owner)).delete("/communities/{c}/posts/{p}/featured", community, unfeaturedEarly)
                .then().statusCode(204);

        for (String post : List.of(welcome, removed, unfeaturedEarly)) {
            Knowledge.reacted(community, post, member);
            Knowledge.replied(community, post, member);
        }
        witnessNominated();
        for (String post : List.of(welcome, removed, unfeaturedEarly)) {
            assertEquals(List.of(), featuredEvents(post), post);
        }
        // Keeping out a post that was not featured is no event.
        assertEquals(List.of(), KafkaEvents.events(EventType.POST_UNFEATURED, e -> e.subject().equals(community)));
    }

    private String witness;

    /** A post that reaches any threshold up to 10 with one reply; returns once it is nominated. */
    private void witnessNominated() {
        witness = ContentApi.post(community, member, "Witness " + UUID.randomUUID(), List.of());
        Knowledge.counters(witness, 5, 5);
        Knowledge.replied(community, witness, member);
        KafkaEvents.awaitEvent(EventType.POST_FEATURED, e -> e.subject().equals(community)
                && e.data(PostFeatured.class).postId().equals(witness));
    }

    private List<PostFeatured> featuredEvents(String post) {
        return KafkaEvents.events(EventType.POST_FEATURED, e -> e.subject().equals(community)).stream()
                .map(e -> e.data(PostFeatured.class)).filter(f -> f.postId().equals(post)).toList();
    }

    private void threshold(int threshold) {
        as(TestTokens.member(owner)).body(Map.of("nominationThreshold", threshold))
                .put("/communities/{id}/knowledge/settings", community)
                .then().statusCode(200).body("nominationThreshold", equalTo(threshold));
    }
}
