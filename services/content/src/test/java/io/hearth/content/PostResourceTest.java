package io.hearth.content;

import static io.hearth.testing.Requests.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.EventType;
import io.hearth.contracts.events.PostCreated;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.PublishedEvent;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(HearthTestResource.class)
class PostResourceTest {

    @Test
    void memberPostsWithTopicsAndTheEventCarriesTopicsAndLengthButNotTheBody() {
        String community = UUID.randomUUID().toString();
        String member = "member-" + UUID.randomUUID();
        ContentApi.joined(community, member, CommunityRole.MEMBER);

        String id = as(TestTokens.member(member))
                .body(Map.of("body", "  早上好🏃 ", "topics", List.of("Running", "#running", " morning ")))
                .post("/communities/{id}/posts", community)
                .then().statusCode(201)
                .header("Location", containsString("/communities/" + community + "/posts/"))
                .body("communityId", equalTo(community))
                .body("authorId", equalTo(member))
                .body("body", equalTo("早上好🏃"))
                .body("topics", equalTo(List.of("running", "morning")))
                .body("createdAt", notNullValue())
                .extract().path("id");

        PublishedEvent event = KafkaEvents.awaitEvent(EventType.POST_CREATED, e -> e.subject().equals(community));
        assertEquals("/hearth/content", event.source());
        PostCreated created = event.data(PostCreated.class);
        assertEquals(new PostCreated(community, id, member, List.of("running", "morning"), 4), created);
        assertEquals(false, event.data().contains("早上好"));

        as(TestTokens.member(member)).get("/communities/{c}/posts/{p}", community, id)
                .then().statusCode(200).body("body", equalTo("早上好🏃")).body("authorId", equalTo(member));
    }

    @Test
    void staffOfAnotherCommunityAndOutsidersCanNeitherPostNorReadAndNothingIsWritten() {
        String community = UUID.randomUUID().toString();
        String member = "member-" + UUID.randomUUID();
        ContentApi.joined(community, member, CommunityRole.MEMBER);
        String existing = ContentApi.post(community, member, "First!", List.of());
        String otherOwner = "owner-" + UUID.randomUUID();
        ContentApi.joined(UUID.randomUUID().toString(), otherOwner, CommunityRole.OWNER);
        String stranger = "stranger-" + UUID.randomUUID();

        for (String token : List.of(TestTokens.operator(otherOwner), TestTokens.member(stranger))) {
            as(token).body(Map.of("body", "Not mine to say", "topics", List.of("spam")))
                    .post("/communities/{id}/posts", community)
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("detail", containsString(community));
            as(token).get("/communities/{id}/posts", community).then().statusCode(403);
            as(token).get("/communities/{c}/posts/{p}", community, existing).then().statusCode(403);
        }

        // Events of one community are published in commit order: once a later post's is out, a refused one's would be.
        String later = ContentApi.post(community, member, "Second", List.of());
        KafkaEvents.awaitEvent(EventType.POST_CREATED, e -> e.subject().equals(community)
                && e.data(PostCreated.class).postId().equals(later));
        assertEquals(List.of(member, member), KafkaEvents.events(EventType.POST_CREATED,
                e -> e.subject().equals(community)).stream().map(e -> e.data(PostCreated.class).authorId()).toList());
    }

    @Test
    void memberWhoLeftCanNoLongerPost() {
        String community = UUID.randomUUID().toString();
        String member = "member-" + UUID.randomUUID();
        ContentApi.joined(community, member, CommunityRole.MEMBER);
        ContentApi.post(community, member, "Bye all", List.of());

        ContentApi.left(community, member);
        as(TestTokens.member(member)).body(Map.of("body", "Still here?")).post("/communities/{id}/posts", community)
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void invalidPostIsRejectedWithViolationsAndWritesNothing() {
        String community = UUID.randomUUID().toString();
        String member = "member-" + UUID.randomUUID();
        ContentApi.joined(community, member, CommunityRole.MEMBER);
        List<String> elevenTopics = Collections.nCopies(11, "t").stream().map(t -> t + UUID.randomUUID()).toList();

        as(TestTokens.member(member)).body(Map.of("body", "  ", "topics", elevenTopics))
                .post("/communities/{id}/posts", community)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("body")).body("violations.field", hasItem("topics"));
        for (String topic : List.of(" ", "#", "x".repeat(41))) {
            as(TestTokens.member(member)).body(Map.of("body", "Fine", "topics", List.of(topic)))
                    .post("/communities/{id}/posts", community)
                    .then().statusCode(400).body("violations[0].field", equalTo("topics"));
        }
        as(TestTokens.member(member)).body(Map.of("body", "x".repeat(10001)))
                .post("/communities/{id}/posts", community)
                .then().statusCode(400).body("violations[0].field", equalTo("body"));
        as(TestTokens.member(member)).body(Map.of("body", "Fine", "topics", "running"))
                .post("/communities/{id}/posts", community)
                .then().statusCode(400).body("violations[0].field", equalTo("topics"));
        as(TestTokens.member(member)).body("{\"body\":\"a\\u0000b\"}").post("/communities/{id}/posts", community)
                .then().statusCode(400).body("violations[0].field", equalTo("body"));
        as(TestTokens.member(member)).body("{\"body\":\"Fine\",\"topics\":[\"ok\",\"\\udfff\"]}")
                .post("/communities/{id}/posts", community)
                .then().statusCode(400).body("violations[0].field", equalTo("topics.[1]"));
        as(TestTokens.member(member)).body("{\"body\": ").post("/communities/{id}/posts", community)
                .then().statusCode(400).contentType("application/problem+json");
        as(TestTokens.member(member)).post("/communities/{id}/posts", community).then().statusCode(400);

        String valid = ContentApi.post(community, member, "Now a proper one", List.of());
        assertEquals(List.of(valid), KafkaEvents.awaitEvents(EventType.POST_CREATED,
                e -> e.subject().equals(community), 1).stream().map(e -> e.data(PostCreated.class).postId()).toList());
    }

    @Test
    void repeatedIdempotencyKeyReturnsTheSamePostAndAnotherBodyWithItIsAConflict() {
        String community = UUID.randomUUID().toString();
        String member = "member-" + UUID.randomUUID();
        String other = "other-" + UUID.randomUUID();
        ContentApi.joined(community, member, CommunityRole.MEMBER);
        ContentApi.joined(community, other, CommunityRole.ADMIN);
        Map<String, Object> body = Map.of("body", "Only once", "topics", List.of("once"));

        String first = as(TestTokens.member(member)).header("Idempotency-Key", "post-1").body(body)
                .post("/communities/{id}/posts", community).then().statusCode(201).extract().path("id");
        String second = as(TestTokens.member(member)).header("Idempotency-Key", "post-1").body(body)
                .post("/communities/{id}/posts", community).then().statusCode(201)
                .header("Idempotent-Replayed", "true").extract().path("id");
        assertEquals(first, second);
        as(TestTokens.member(member)).header("Idempotency-Key", "post-1")
                .body(Map.of("body", "Something else", "topics", List.of("once")))
                .post("/communities/{id}/posts", community).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://hearth.dev/problems/idempotency-conflict"));
        // Another author's identical key is their own.
        String others = as(TestTokens.member(other)).header("Idempotency-Key", "post-1").body(body)
                .post("/communities/{id}/posts", community).then().statusCode(201).extract().path("id");
        assertNotEquals(first, others);

        KafkaEvents.awaitEvent(EventType.POST_CREATED, e -> e.subject().equals(community)
                && e.data(PostCreated.class).postId().equals(others));
        assertEquals(List.of(first, others), KafkaEvents.events(EventType.POST_CREATED,
                e -> e.subject().equals(community)).stream().map(e -> e.data(PostCreated.class).postId()).toList());
    }

    @Test
    void membersReadPostsNewestFirstPageByPageAndByTopic() {
        String community = UUID.randomUUID().toString();
        String member = "member-" + UUID.randomUUID();
        ContentApi.joined(community, member, CommunityRole.MEMBER);
        String p1 = ContentApi.post(community, member, "Ran 5 km", List.of("running"));
        String p2 = ContentApi.post(community, member, "Finished the book", List.of("books"));
        String p3 = ContentApi.post(community, member, "Ran 10 km", List.of("Running", "personal-best"));

        String cursor = as(TestTokens.member(member)).queryParam("limit", 2).get("/communities/{id}/posts", community)
                .then().statusCode(200).body("items.id", equalTo(List.of(p3, p2)))
                .body("nextCursor", notNullValue()).extract().path("nextCursor");
        as(TestTokens.member(member)).queryParam("limit", 2).queryParam("after", cursor)
                .get("/communities/{id}/posts", community)
                .then().statusCode(200).body("items.id", equalTo(List.of(p1))).body("nextCursor", nullValue());

        as(TestTokens.member(member)).queryParam("topic", "#RUNNING").get("/communities/{id}/posts", community)
                .then().statusCode(200).body("items.id", equalTo(List.of(p3, p1)));
        as(TestTokens.member(member)).queryParam("topic", "gardening").get("/communities/{id}/posts", community)
                .then().statusCode(200).body("items.id", equalTo(List.of()));

        as(TestTokens.member(member)).queryParam("limit", 0).get("/communities/{id}/posts", community)
                .then().statusCode(400).body("violations[0].field", equalTo("limit"));
        as(TestTokens.member(member)).queryParam("after", "zzz").get("/communities/{id}/posts", community)
                .then().statusCode(400).body("violations[0].field", equalTo("after"));
        as(TestTokens.member(member)).queryParam("topic", "#").get("/communities/{id}/posts", community)
                .then().statusCode(400).body("violations[0].field", equalTo("topic"));
    }

    @Test
    void postIsReadableOnlyUnderItsOwnCommunity() {
        String community = UUID.randomUUID().toString();
        String elsewhere = UUID.randomUUID().toString();
        String member = "member-" + UUID.randomUUID();
        ContentApi.joined(community, member, CommunityRole.MEMBER);
        ContentApi.joined(elsewhere, member, CommunityRole.OWNER);
        String post = ContentApi.post(community, member, "Here only", List.of());

        as(TestTokens.member(member)).get("/communities/{c}/posts/{p}", elsewhere, post)
                .then().statusCode(404).contentType("application/problem+json");
        as(TestTokens.member(member)).get("/communities/{c}/posts/{p}", community, UUID.randomUUID())
                .then().statusCode(404);
        as(TestTokens.member(member)).get("/communities/{c}/posts/{p}", community, post)
                .then().statusCode(200).body("id", equalTo(post));
    }

    @Test
    void anonymousCallerGets401Problem() {
        given().contentType("application/json").body(Map.of("body", "Hello"))
                .post("/communities/{id}/posts", UUID.randomUUID())
                .then().statusCode(401).contentType("application/problem+json").body("type", equalTo("https://hearth.dev/problems/unauthenticated"));
    }
}
