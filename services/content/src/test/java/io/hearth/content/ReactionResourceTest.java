package io.hearth.content;

import static io.hearth.testing.Requests.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.EventType;
import io.hearth.contracts.events.MemberMuted;
import io.hearth.contracts.events.ReactionAdded;
import io.hearth.contracts.events.ReactionRemoved;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.PublishedEvent;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(HearthTestResource.class)
class ReactionResourceTest {
    private static final String REACTION = "/communities/{c}/posts/{p}/reactions/{r}";
    private static final String POST = "/communities/{c}/posts/{p}";

    @Test
    void postsShowEveryReactionsCountAndTheCallersOwn() {
        String community = UUID.randomUUID().toString();
        String author = "author-" + UUID.randomUUID();
        String member = "member-" + UUID.randomUUID();
        ContentApi.joined(community, author, CommunityRole.MEMBER);
        ContentApi.joined(community, member, CommunityRole.MEMBER);
        String post = ContentApi.post(community, author, "Finished my first 10 km", List.of());

        as(TestTokens.member(author)).get(POST, community, post).then().statusCode(200)
                .body("reactions", equalTo(Map.of("like", 0, "love", 0, "laugh", 0, "thanks", 0, "insightful", 0)))
                .body("myReactions", equalTo(List.of()));
        as(TestTokens.member(member)).put(REACTION, community, post, "like").then().statusCode(204);
        as(TestTokens.member(member)).put(REACTION, community, post, "insightful").then().statusCode(204);
        as(TestTokens.member(author)).put(REACTION, community, post, "like").then().statusCode(204);

        as(TestTokens.member(member)).get(POST, community, post).then().statusCode(200)
                .body("reactions", equalTo(Map.of("like", 2, "love", 0, "laugh", 0, "thanks", 0, "insightful", 1)))
                .body("myReactions", equalTo(List.of("like", "insightful")));
        as(TestTokens.member(author)).get("/communities/{c}/posts", community).then().statusCode(200)
                .body("items[0].reactions.like", equalTo(2)).body("items[0].myReactions", equalTo(List.of("like")));

        List<PublishedEvent> events = ContentApi.eventsBeforeWitness(community, author);
        assertEquals(List.of(new ReactionAdded(community, post, member, "like", author),
                new ReactionAdded(community, post, member, "insightful", author),
                new ReactionAdded(community, post, author, "like", author)), events.stream()
                        .filter(e -> e.is(EventType.REACTION_ADDED)).map(e -> e.data(ReactionAdded.class)).toList());
    }

    @Test
    void aRepeatedReactionAndTakingBackAnAbsentOneChangeNothingAndPublishNothing() {
        String community = UUID.randomUUID().toString();
        String member = "member-" + UUID.randomUUID();
        ContentApi.joined(community, member, CommunityRole.MEMBER);
        String post = ContentApi.post(community, member, "Thanks all for today", List.of());

        as(TestTokens.member(member)).put(REACTION, community, post, "thanks").then().statusCode(204);
        as(TestTokens.member(member)).put(REACTION, community, post, "thanks").then().statusCode(204);
        as(TestTokens.member(member)).get(POST, community, post).then().body("reactions.thanks", equalTo(1));
        as(TestTokens.member(member)).delete(REACTION, community, post, "love").then().statusCode(204);
        as(TestTokens.member(member)).delete(REACTION, community, post, "thanks").then().statusCode(204);
        as(TestTokens.member(member)).delete(REACTION, community, post, "thanks").then().statusCode(204);
        as(TestTokens.member(member)).get(POST, community, post).then()
                .body("reactions.thanks", equalTo(0)).body("myReactions", equalTo(List.of()));

        List<PublishedEvent> events = ContentApi.eventsBeforeWitness(community, member);
        assertEquals(List.of(EventType.POST_CREATED.type(), EventType.REACTION_ADDED.type(),
                EventType.REACTION_REMOVED.type()), ContentApi.types(events));
        assertEquals(new ReactionRemoved(community, post, member, "thanks"), events.get(2).data(ReactionRemoved.class));
    }

    @Test
    void racingRequestsCountEachPersonsReactionOnce() throws Exception {
        String community = UUID.randomUUID().toString();
        String author = "author-" + UUID.randomUUID();
        ContentApi.joined(community, author, CommunityRole.MEMBER);
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            members.add("member-" + i + "-" + UUID.randomUUID());
            ContentApi.joined(community, members.get(i), CommunityRole.MEMBER);
        }
        String post = ContentApi.post(community, author, "Race day", List.of());

        // Each member sends the same reaction four times at once: 16 requests racing on one post.
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Integer>> calls = IntStream.range(0, 16).mapToObj(i -> CompletableFuture
                    .supplyAsync(() -> as(TestTokens.member(members.get(i % 4))).put(REACTION, community, post,
                            "love").statusCode(), pool)).toList();
            for (CompletableFuture<Integer> call : calls) {
                assertEquals(204, call.get());
            }
        } finally {
            pool.shutdown();
        }

        as(TestTokens.member(author)).get(POST, community, post).then().statusCode(200)
                .body("reactions.love", equalTo(4));
        List<PublishedEvent> events = ContentApi.eventsBeforeWitness(community, author);
        assertEquals(members.stream().sorted().toList(), events.stream().filter(e -> e.is(EventType.REACTION_ADDED))
                .map(e -> e.data(ReactionAdded.class).userId()).sorted().toList());
    }

    @Test
    void anUnknownReactionIsRefusedWith400NamingTheSet() {
        String community = UUID.randomUUID().toString();
        String member = "member-" + UUID.randomUUID();
        ContentApi.joined(community, member, CommunityRole.MEMBER);
        String post = ContentApi.post(community, member, "React to me", List.of());

        for (String reaction : List.of("dislike", "LIKE", " like")) {
            as(TestTokens.member(member)).put(REACTION, community, post, reaction).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://hearth.dev/problems/validation"))
                    .body("violations[0].field", equalTo("reaction"))
                    .body("violations[0].message", equalTo("must be one of like, love, laugh, thanks, insightful"));
        }
        as(TestTokens.member(member)).delete(REACTION, community, post, "dislike").then().statusCode(400);
        as(TestTokens.member(member)).get(POST, community, post).then().body("reactions.like", equalTo(0));
    }

    @Test
    void aMutedMemberCannotReactButMayTakeAReactionBack() {
        String community = UUID.randomUUID().toString();
        String owner = "owner-" + UUID.randomUUID();
        String member = "member-" + UUID.randomUUID();
        ContentApi.joined(community, owner, CommunityRole.OWNER);
        ContentApi.joined(community, member, CommunityRole.MEMBER);
        String post = ContentApi.post(community, owner, "Rules of the group", List.of());
        as(TestTokens.member(member)).put(REACTION, community, post, "laugh").then().statusCode(204);

        KafkaEvents.publish(new MemberMuted(community, member, Instant.now().plus(Duration.ofHours(1)), null, owner),
                Instant.now());
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> as(TestTokens
                .member(member)).put(REACTION, community, post, "like").statusCode() == 403);
        as(TestTokens.member(member)).put(REACTION, community, post, "like").then().statusCode(403)
                .body("type", equalTo("https://hearth.dev/problems/muted"));
        as(TestTokens.member(member)).delete(REACTION, community, post, "laugh").then().statusCode(204);
        as(TestTokens.member(owner)).get(POST, community, post).then()
                .body("reactions.like", equalTo(0)).body("reactions.laugh", equalTo(0));
    }

    @Test
    void outsidersCannotReactAndRemovedPostsTakeNoReactions() {
        String community = UUID.randomUUID().toString();
        String member = "member-" + UUID.randomUUID();
        String stranger = "stranger-" + UUID.randomUUID();
        ContentApi.joined(community, member, CommunityRole.MEMBER);
        ContentApi.joined(UUID.randomUUID().toString(), stranger, CommunityRole.MEMBER);
        String post = ContentApi.post(community, member, "Going soon", List.of());
        as(TestTokens.member(member)).put(REACTION, community, post, "love").then().statusCode(204);

        as(TestTokens.member(stranger)).put(REACTION, community, post, "like").then().statusCode(403)
                .body("type", equalTo("https://hearth.dev/problems/forbidden"));
        as(TestTokens.member(stranger)).delete(REACTION, community, post, "love").then().statusCode(403);
        as(TestTokens.member(member)).put(REACTION, community, UUID.randomUUID(), "like").then().statusCode(404);

        as(TestTokens.member(member)).delete(POST, community, post).then().statusCode(204);
        as(TestTokens.member(member)).put(REACTION, community, post, "like").then().statusCode(410)
                .body("type", equalTo("https://hearth.dev/problems/post-removed"));
        as(TestTokens.member(member)).delete(REACTION, community, post, "love").then().statusCode(410);
        assertEquals(List.of(EventType.POST_CREATED.type(), EventType.REACTION_ADDED.type(),
                EventType.POST_REMOVED.type()), ContentApi.types(ContentApi.eventsBeforeWitness(community, member)));
    }
}
