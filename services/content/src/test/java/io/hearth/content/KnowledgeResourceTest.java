package io.hearth.content;

import static io.hearth.testing.Requests.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.EventType;
import io.hearth.contracts.events.PostFeatured;
import io.hearth.contracts.events.PostUnfeatured;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Featuring, unfeaturing and the knowledge settings: what staff may do, and every refusal. */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class KnowledgeResourceTest {
    private static final String FEATURED = "/communities/{c}/posts/{p}/featured";
    private static final String SETTINGS = "/communities/{id}/knowledge/settings";
    private static final String KNOWLEDGE = "/communities/{id}/knowledge";

    private final String community = UUID.randomUUID().toString();
    private final String owner = "owner-" + UUID.randomUUID();
    private final String admin = "admin-" + UUID.randomUUID();
    private final String member = "member-" + UUID.randomUUID();
    private String post;

    @BeforeEach
    void arrange() {
        ContentApi.joined(community, owner, CommunityRole.OWNER);
        ContentApi.joined(community, admin, CommunityRole.ADMIN);
        ContentApi.joined(community, member, CommunityRole.MEMBER);
        post = ContentApi.post(community, member, "How to pace a half marathon", List.of("running"));
    }

    @Test
    void adminFeaturesAPostOnceAndUnfeaturesItEachWithItsEvent() {
        as(TestTokens.member(admin)).put(FEATURED, community, post).then().statusCode(200)
                .body("postId", equalTo(post)).body("communityId", equalTo(community))
                .body("authorId", equalTo(member)).body("kind", equalTo("POST"))
                .body("body", equalTo("How to pace a half marathon")).body("topics", equalTo(List.of("running")))
                .body("featuredBy", equalTo(admin)).body("featuredAt", notNullValue())
                .body("replyCount", equalTo(0)).body("reactionCount", equalTo(0));
        // Idempotent: the same answer, no second event.
        as(TestTokens.member(owner)).put(FEATURED, community, post).then().statusCode(200)
                .body("featuredBy", equalTo(admin));
        as(TestTokens.member(member)).get(KNOWLEDGE, community).then().statusCode(200)
                .body("items.postId", equalTo(List.of(post)));

        as(TestTokens.member(owner)).delete(FEATURED, community, post).then().statusCode(204);
        as(TestTokens.member(owner)).delete(FEATURED, community, post).then().statusCode(204);
        as(TestTokens.member(member)).get(KNOWLEDGE, community).then().statusCode(200)
                .body("items.postId", equalTo(List.of()));

        KafkaEvents.awaitEvent(EventType.POST_UNFEATURED, e -> e.subject().equals(community));
        assertEquals(List.of(new PostFeatured(community, post, member, admin, false)),
                KafkaEvents.events(EventType.POST_FEATURED, e -> e.subject().equals(community)).stream()
                        .map(e -> e.data(PostFeatured.class)).toList());
        assertEquals(List.of(new PostUnfeatured(community, post, owner)),
                KafkaEvents.events(EventType.POST_UNFEATURED, e -> e.subject().equals(community)).stream()
                        .map(e -> e.data(PostUnfeatured.class)).toList());
    }

    @Test
    void membersAndOutsidersCannotFeatureOrUnfeatureAndNothingChanges() {
        String outsider = "outsider-" + UUID.randomUUID();
        String otherOwner = "owner-" + UUID.randomUUID();
        ContentApi.joined(UUID.randomUUID().toString(), otherOwner, CommunityRole.OWNER);
        for (String caller : List.of(member, outsider, otherOwner)) {
            as(TestTokens.member(caller)).put(FEATURED, community, post).then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://hearth.dev/problems/forbidden"))
                    .body("detail", containsString(community));
            as(TestTokens.member(caller)).delete(FEATURED, community, post).then().statusCode(403);
        }
        as(TestTokens.member(outsider)).get(KNOWLEDGE, community).then().statusCode(403)
                .body("type", equalTo("https://hearth.dev/problems/forbidden"));
        as(TestTokens.member(member)).get(KNOWLEDGE, community).then().statusCode(200)
                .body("items", equalTo(List.of()));
    }

    @Test
    void unknownPostOrAnotherCommunitysPostIsNotFound() {
        String elsewhere = UUID.randomUUID().toString();
        ContentApi.joined(elsewhere, owner, CommunityRole.OWNER);
        String postElsewhere = ContentApi.post(elsewhere, owner, "Not in the first community", List.of());
        for (String unknown : List.of(UUID.randomUUID().toString(), postElsewhere)) {
            as(TestTokens.member(owner)).put(FEATURED, community, unknown).then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://hearth.dev/problems/not-found"));
            as(TestTokens.member(owner)).delete(FEATURED, community, unknown).then().statusCode(404);
        }
        as(TestTokens.member(owner)).put(FEATURED, community, "not-a-uuid").then().statusCode(400)
                .body("violations[0].field", equalTo("postId"));
    }

    @Test
    void staffSetTheNominationThresholdWithinOneToTenThousand() {
        as(TestTokens.member(admin)).get(SETTINGS, community).then().statusCode(200)
                .body("nominationThreshold", equalTo(10));
        as(TestTokens.member(admin)).body(Map.of("nominationThreshold", 25)).put(SETTINGS, community)
                .then().statusCode(200).body("nominationThreshold", equalTo(25)).body("communityId", equalTo(community));
        as(TestTokens.member(owner)).get(SETTINGS, community).then().statusCode(200)
                .body("nominationThreshold", equalTo(25));

        for (Object bad : List.of(0, 10001, -1, "ten", 2.5)) {
            as(TestTokens.member(owner)).body(Map.of("nominationThreshold", bad)).put(SETTINGS, community)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("nominationThreshold"));
        }
        as(TestTokens.member(owner)).body(Map.of()).put(SETTINGS, community).then().statusCode(400)
                .body("violations[0].field", equalTo("nominationThreshold"));
        as(TestTokens.member(member)).body(Map.of("nominationThreshold", 1)).put(SETTINGS, community)
                .then().statusCode(403);
        as(TestTokens.member(member)).get(SETTINGS, community).then().statusCode(403);
        as(TestTokens.member(owner)).get(SETTINGS, community).then().statusCode(200)
                .body("nominationThreshold", equalTo(25));
    }

    @Test
    void malformedSearchParametersAreRefusedWithTheFieldNamed() {
        as(TestTokens.member(member)).queryParam("q", "!!! ???").get(KNOWLEDGE, community).then().statusCode(400)
                .body("violations[0].field", equalTo("q"));
        as(TestTokens.member(member)).queryParam("q", "x".repeat(201)).get(KNOWLEDGE, community).then()
                .statusCode(400).body("violations[0].field", equalTo("q"));
        for (String cursor : List.of("zzz", "1.2.3", "1.22.3.4", "-1.0.0.4")) {
            as(TestTokens.member(member)).queryParam("after", cursor).get(KNOWLEDGE, community).then()
                    .statusCode(400).body("violations[0].field", equalTo("after"));
        }
        as(TestTokens.member(member)).queryParam("topic", "#").get(KNOWLEDGE, community).then().statusCode(400)
                .body("violations[0].field", equalTo("topic"));
        as(TestTokens.member(member)).queryParam("limit", 101).get(KNOWLEDGE, community).then().statusCode(400)
                .body("violations[0].field", equalTo("limit"));
        // A blank q lists everything.
        as(TestTokens.member(member)).queryParam("q", "  ").get(KNOWLEDGE, community).then().statusCode(200);
    }
}
