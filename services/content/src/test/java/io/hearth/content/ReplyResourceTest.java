package io.hearth.content;

import static io.hearth.testing.Requests.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.EventType;
import io.hearth.contracts.events.MemberMuted;
import io.hearth.contracts.events.ReplyCreated;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.PublishedEvent;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(HearthTestResource.class)
class ReplyResourceTest {
    private static final String REPLIES = "/communities/{c}/posts/{p}/replies";

    @Test
    void memberRepliesAndTheEventNamesWhomTheyAnsweredButNotTheBody() {
        String community = UUID.randomUUID().toString();
        String asker = "asker-" + UUID.randomUUID();
        String member = "member-" + UUID.randomUUID();
        ContentApi.joined(community, asker, CommunityRole.OWNER);
        ContentApi.joined(community, member, CommunityRole.MEMBER);
        String post = ContentApi.post(community, asker, "Who runs tomorrow?", List.of("running"));

        Response created = as(TestTokens.member(member)).body(Map.of("body", "  我也去🏃 "))
                .post(REPLIES, community, post);
        String reply = created.then().statusCode(201)
                .body("postId", equalTo(post)).body("communityId", equalTo(community))
                .body("authorId", equalTo(member)).body("body", equalTo("我也去🏃"))
                .body("createdAt", notNullValue()).body("editedAt", nullValue())
                .extract().path("id");
        assertEquals("/communities/" + community + "/posts/" + post + "/replies/" + reply,
                URI.create(created.header("Location")).getPath());
        as(TestTokens.member(asker)).get(created.header("Location")).then().statusCode(200)
                .body("id", equalTo(reply)).body("body", equalTo("我也去🏃"));

        PublishedEvent event = KafkaEvents.awaitEvent(EventType.REPLY_CREATED, e -> e.subject().equals(community));
        assertEquals(new ReplyCreated(community, post, reply, member, asker, 4), event.data(ReplyCreated.class));
        assertEquals(false, event.data().contains("我也去"));
        as(TestTokens.member(asker)).get("/communities/{c}/posts/{p}", community, post)
                .then().statusCode(200).body("replyCount", equalTo(1));
    }

    @Test
    void repliesReadOldestFirstPageByPageWithoutRemovedOnes() {
        String community = UUID.randomUUID().toString();
        String member = "member-" + UUID.randomUUID();
        ContentApi.joined(community, member, CommunityRole.MEMBER);
        String post = ContentApi.post(community, member, "Book club: chapter 3", List.of());
        String r1 = ContentApi.reply(community, post, member, "First thought");
        String r2 = ContentApi.reply(community, post, member, "Second thought");
        String r3 = ContentApi.reply(community, post, member, "Third thought");
        String r4 = ContentApi.reply(community, post, member, "Fourth thought");
        as(TestTokens.member(member)).delete(REPLIES + "/{r}", community, post, r2).then().statusCode(204);

        String cursor = as(TestTokens.member(member)).queryParam("limit", 2).get(REPLIES, community, post)
                .then().statusCode(200).body("items.id", equalTo(List.of(r1, r3)))
                .body("nextCursor", notNullValue()).extract().path("nextCursor");
        as(TestTokens.member(member)).queryParam("limit", 2).queryParam("after", cursor).get(REPLIES, community, post)
                .then().statusCode(200).body("items.id", equalTo(List.of(r4))).body("nextCursor", nullValue());
        as(TestTokens.member(member)).get("/communities/{c}/posts/{p}", community, post)
                .then().statusCode(200).body("replyCount", equalTo(3));
        as(TestTokens.member(member)).queryParam("limit", 101).get(REPLIES, community, post)
                .then().statusCode(400).body("violations[0].field", equalTo("limit"));
    }

    @Test
    void outsidersNeitherReplyNorReadAndAMutedMemberReadsButCannotReply() {
        String community = UUID.randomUUID().toString();
        String owner = "owner-" + UUID.randomUUID();
        String member = "member-" + UUID.randomUUID();
        String stranger = "stranger-" + UUID.randomUUID();
        ContentApi.joined(community, owner, CommunityRole.OWNER);
        ContentApi.joined(community, member, CommunityRole.MEMBER);
        ContentApi.joined(UUID.randomUUID().toString(), stranger, CommunityRole.OWNER);
        String post = ContentApi.post(community, owner, "Welcome week plans", List.of());
        ContentApi.reply(community, post, member, "Before the mute");

        as(TestTokens.member(stranger)).body(Map.of("body", "Hi")).post(REPLIES, community, post)
                .then().statusCode(403).body("type", equalTo("https://hearth.dev/problems/forbidden"));
        as(TestTokens.member(stranger)).get(REPLIES, community, post).then().statusCode(403);

        Instant until = Instant.now().plus(Duration.ofHours(1));
        KafkaEvents.publish(new MemberMuted(community, member, until, "Flooding", owner), Instant.now());
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> as(TestTokens
                .member(member)).body(Map.of("body", "Am I muted?")).post(REPLIES, community, post).statusCode() == 403);
        as(TestTokens.member(member)).body(Map.of("body", "Am I muted?")).post(REPLIES, community, post)
                .then().statusCode(403).body("type", equalTo("https://hearth.dev/problems/muted"));
        as(TestTokens.member(member)).get(REPLIES, community, post).then().statusCode(200)
                .body("items.body", equalTo(List.of("Before the mute")));

        assertEquals(List.of(EventType.POST_CREATED.type(), EventType.REPLY_CREATED.type()),
                ContentApi.types(ContentApi.eventsBeforeWitness(community, owner)));
    }

    @Test
    void replyingToAnUnknownOrRemovedPostIsRefusedAndCountsNothing() {
        String community = UUID.randomUUID().toString();
        String elsewhere = UUID.randomUUID().toString();
        String member = "member-" + UUID.randomUUID();
        ContentApi.joined(community, member, CommunityRole.MEMBER);
        ContentApi.joined(elsewhere, member, CommunityRole.MEMBER);
        String post = ContentApi.post(community, member, "Soon gone", List.of());
        String there = ContentApi.post(elsewhere, member, "Over there", List.of());

        as(TestTokens.member(member)).body(Map.of("body", "Hello?")).post(REPLIES, community, UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        as(TestTokens.member(member)).body(Map.of("body", "Hello?")).post(REPLIES, community, there)
                .then().statusCode(404);
        as(TestTokens.member(member)).get(REPLIES, community, there).then().statusCode(404);

        as(TestTokens.member(member)).delete("/communities/{c}/posts/{p}", community, post).then().statusCode(204);
        as(TestTokens.member(member)).body(Map.of("body", "Too late")).post(REPLIES, community, post)
                .then().statusCode(410).contentType("application/problem+json")
                .body("type", equalTo("https://hearth.dev/problems/post-removed"));
        as(TestTokens.member(member)).get(REPLIES, community, post).then().statusCode(410)
                .body("type", equalTo("https://hearth.dev/problems/post-removed"));
        assertEquals(List.of(), KafkaEvents.events(EventType.REPLY_CREATED, e -> e.subject().equals(community)
                || e.subject().equals(elsewhere)));
    }

    @Test
    void repeatedIdempotencyKeyReturnsTheSameReplyAndCountsItOnce() {
        String community = UUID.randomUUID().toString();
        String member = "member-" + UUID.randomUUID();
        ContentApi.joined(community, member, CommunityRole.MEMBER);
        String post = ContentApi.post(community, member, "Retry me", List.of());
        String other = ContentApi.post(community, member, "Another post", List.of());

        String first = as(TestTokens.member(member)).header("Idempotency-Key", "reply-1")
                .body(Map.of("body", "Once")).post(REPLIES, community, post)
                .then().statusCode(201).extract().path("id");
        String again = as(TestTokens.member(member)).header("Idempotency-Key", "reply-1")
                .body(Map.of("body", "Once")).post(REPLIES, community, post)
                .then().statusCode(201).header("Idempotent-Replayed", "true").extract().path("id");
        assertEquals(first, again);
        as(TestTokens.member(member)).header("Idempotency-Key", "reply-1").body(Map.of("body", "Twice"))
                .post(REPLIES, community, post).then().statusCode(409)
                .body("type", equalTo("https://hearth.dev/problems/idempotency-conflict"));
        // The same key on another post's replies is another request.
        String onOther = as(TestTokens.member(member)).header("Idempotency-Key", "reply-1")
                .body(Map.of("body", "Once")).post(REPLIES, community, other)
                .then().statusCode(201).body("postId", equalTo(other)).extract().path("id");

        as(TestTokens.member(member)).get("/communities/{c}/posts/{p}", community, post)
                .then().statusCode(200).body("replyCount", equalTo(1));
        assertEquals(List.of(first, onOther), ContentApi.eventsBeforeWitness(community, member).stream()
                .filter(e -> e.is(EventType.REPLY_CREATED)).map(e -> e.data(ReplyCreated.class).replyId()).toList());
    }

    @Test
    void invalidReplyIsRefusedWithViolations() {
        String community = UUID.randomUUID().toString();
        String member = "member-" + UUID.randomUUID();
        ContentApi.joined(community, member, CommunityRole.MEMBER);
        String post = ContentApi.post(community, member, "Say something", List.of());

        as(TestTokens.member(member)).body(Map.of("body", " ")).post(REPLIES, community, post)
                .then().statusCode(400).body("violations[0].field", equalTo("body"));
        as(TestTokens.member(member)).body(Map.of("body", "x".repeat(10001))).post(REPLIES, community, post)
                .then().statusCode(400).body("violations[0].field", equalTo("body"));
        as(TestTokens.member(member)).post(REPLIES, community, post).then().statusCode(400);
        as(TestTokens.member(member)).get("/communities/{c}/posts/{p}", community, post)
                .then().statusCode(200).body("replyCount", equalTo(0));
    }
}
