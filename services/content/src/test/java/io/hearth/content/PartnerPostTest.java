package io.hearth.content;

import static io.hearth.testing.Requests.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.EventType;
import io.hearth.contracts.events.PartnerAccessGranted;
import io.hearth.contracts.events.PartnerAccessRevoked;
import io.hearth.contracts.events.PartnerScope;
import io.hearth.contracts.events.PostCreated;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(HearthTestResource.class)
class PartnerPostTest {
    private static final String POSTS = "/communities/{id}/posts";
    private static final String SCOPE_MISSING = "https://hearth.dev/problems/partner-scope-missing";

    @Test
    void partnerGrantedPostsWritePostsAsItsClientUntilRevoked() {
        String community = UUID.randomUUID().toString();
        String owner = "owner-" + UUID.randomUUID();
        ContentApi.joined(community, owner, CommunityRole.OWNER);
        String client = "crm-" + UUID.randomUUID();
        String partner = TestTokens.partner(client);
        Map<String, Object> body = Map.of("body", "Weekly digest is out", "topics", List.of("digest"));

        as(partner).body(body).post(POSTS, community).then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo(SCOPE_MISSING));

        KafkaEvents.publish(new PartnerAccessGranted(community, client, List.of(PartnerScope.POSTS_WRITE), owner),
                Instant.now());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> as(partner)
                .body(body).header("Idempotency-Key", "digest-1").post(POSTS, community).statusCode() == 201);
        // The retry of the same key is the same post, not a second one.
        String id = as(partner).body(body).header("Idempotency-Key", "digest-1").post(POSTS, community)
                .then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("authorId", equalTo(client)).extract().path("id");
        PostCreated created = KafkaEvents.awaitEvent(EventType.POST_CREATED, e -> e.subject().equals(community))
                .data(PostCreated.class);
        assertEquals(id, created.postId());
        assertEquals(client, created.authorId());
        assertEquals(1, KafkaEvents.events(EventType.POST_CREATED, e -> e.subject().equals(community)).size());

        // posts:write opens posting only: reading the community's posts needs a member.
        as(partner).get(POSTS, community).then().statusCode(403);
        as(partner).get(POSTS + "/{postId}", community, id).then().statusCode(403);

        KafkaEvents.publish(new PartnerAccessRevoked(community, client, owner), Instant.now());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> as(partner)
                .body(body).post(POSTS, community).then().statusCode(403).body("type", equalTo(SCOPE_MISSING)));
        // The owner's own path is untouched.
        as(TestTokens.member(owner)).get(POSTS, community).then().statusCode(200).body("items.id", equalTo(List.of(id)));
    }

    @Test
    void partnerWithoutPostsWriteIsRefused() {
        String community = UUID.randomUUID().toString();
        String owner = "owner-" + UUID.randomUUID();
        String client = "crm-" + UUID.randomUUID();
        KafkaEvents.publish(new PartnerAccessGranted(community, client, List.of(PartnerScope.MEMBERS_READ,
                PartnerScope.ANALYTICS_READ, PartnerScope.EVENTS_SUBSCRIBE), owner), Instant.now());
        // The owner's join follows the grant on the topic: once the owner may read, the grant is in the replica.
        ContentApi.joined(community, owner, CommunityRole.OWNER);

        as(TestTokens.partner(client)).body(Map.of("body", "hello", "topics", List.of()))
                .post(POSTS, community).then().statusCode(403).body("type", equalTo(SCOPE_MISSING));
        as(TestTokens.member(owner)).get(POSTS, community).then().statusCode(200).body("items.size()", equalTo(0));
    }
}
