package io.hearth.content;

import static io.hearth.testing.Requests.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.EventType;
import io.hearth.contracts.events.MemberMuted;
import io.hearth.contracts.events.PostEdited;
import io.hearth.contracts.events.PostRemoved;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.PublishedEvent;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Authors edit and remove their own posts and replies; staff remove anyone's with a reason, kept in the audit. */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class EditAndRemovalTest {
    private static final String POSTS = "/communities/{c}/posts";
    private static final String POST = POSTS + "/{p}";
    private static final String REPLY = POST + "/replies/{r}";
    private static final String AUDIT = "/communities/{c}/moderation/audit";
    private static final String REMOVED = "https://hearth.dev/problems/post-removed";

    @Test
    void authorEditsTheirPostAndTheEventTellsTheNewTopicsAndLength() {
        String community = UUID.randomUUID().toString();
        String author = "author-" + UUID.randomUUID();
        ContentApi.joined(community, author, CommunityRole.MEMBER);
        String post = ContentApi.post(community, author, "Ran 5 km", List.of("running"));

        as(TestTokens.member(author)).body(Map.of("body", " Ran 5 km 🌧 ", "topics", List.of("#Running", "Rain")))
                .patch(POST, community, post).then().statusCode(200)
                .body("body", equalTo("Ran 5 km 🌧")).body("topics", equalTo(List.of("running", "rain")))
                .body("editedAt", notNullValue()).body("kind", equalTo("POST"));
        // A field left out stays as it was.
        as(TestTokens.member(author)).body(Map.of("topics", List.of())).patch(POST, community, post)
                .then().statusCode(200).body("body", equalTo("Ran 5 km 🌧")).body("topics", equalTo(List.of()));
        as(TestTokens.member(author)).get(POST, community, post).then().statusCode(200)
                .body("body", equalTo("Ran 5 km 🌧")).body("topics", equalTo(List.of()));

        List<PublishedEvent> edits = ContentApi.eventsBeforeWitness(community, author).stream()
                .filter(e -> e.is(EventType.POST_EDITED)).toList();
        assertEquals(List.of(new PostEdited(community, post, null, author, List.of("running", "rain"), 10),
                new PostEdited(community, post, null, author, List.of(), 10)),
                edits.stream().map(e -> e.data(PostEdited.class)).toList());
        assertEquals(false, edits.get(0).data().contains("Ran 5 km"));
    }

    @Test
    void onlyTheAuthorEditsAndAnEditMustChangeSomething() {
        String community = UUID.randomUUID().toString();
        String author = "author-" + UUID.randomUUID();
        String admin = "admin-" + UUID.randomUUID();
        String other = "other-" + UUID.randomUUID();
        ContentApi.joined(community, author, CommunityRole.MEMBER);
        ContentApi.joined(community, admin, CommunityRole.ADMIN);
        ContentApi.joined(community, other, CommunityRole.MEMBER);
        String post = ContentApi.post(community, author, "Mine", List.of());

        for (String caller : List.of(admin, other)) {
            as(TestTokens.member(caller)).body(Map.of("body", "Not yours")).patch(POST, community, post)
                    .then().statusCode(403).body("type", equalTo("https://hearth.dev/problems/forbidden"));
        }
        as(TestTokens.member(author)).body(Map.of()).patch(POST, community, post).then().statusCode(400)
                .body("type", equalTo("https://hearth.dev/problems/validation"));
        as(TestTokens.member(author)).body(Map.of("body", "  ")).patch(POST, community, post).then().statusCode(400)
                .body("violations[0].field", equalTo("body"));
        as(TestTokens.member(author)).body(Map.of("topics", List.of("#"))).patch(POST, community, post)
                .then().statusCode(400).body("violations[0].field", equalTo("topics"));
        as(TestTokens.member(author)).body(Map.of("body", "x")).patch(POST, community, UUID.randomUUID())
                .then().statusCode(404);
        as(TestTokens.member(author)).get(POST, community, post).then().body("body", equalTo("Mine"))
                .body("editedAt", nullValue());
    }

    @Test
    void authorRemovesTheirPostWithoutAReasonAndReadersThenGet410() {
        String community = UUID.randomUUID().toString();
        String author = "author-" + UUID.randomUUID();
        String owner = "owner-" + UUID.randomUUID();
        ContentApi.joined(community, author, CommunityRole.MEMBER);
        ContentApi.joined(community, owner, CommunityRole.OWNER);
        String kept = ContentApi.post(community, author, "Stays", List.of());
        String post = ContentApi.question(community, author, "Oops, wrong group?");
        String reply = ContentApi.reply(community, post, owner, "Yes, it is");

        as(TestTokens.member(author)).delete(POST, community, post).then().statusCode(204);

        as(TestTokens.member(owner)).get(POST, community, post).then().statusCode(410)
                .contentType("application/problem+json").body("type", equalTo(REMOVED));
        as(TestTokens.member(owner)).get(POSTS, community).then().statusCode(200)
                .body("items.id", equalTo(List.of(kept)));
        as(TestTokens.member(owner)).queryParam("unanswered", "true").get(POSTS, community).then().statusCode(200)
                .body("items", equalTo(List.of()));
        as(TestTokens.member(author)).body(Map.of("body", "Edit")).patch(POST, community, post)
                .then().statusCode(410).body("type", equalTo(REMOVED));
        as(TestTokens.member(author)).delete(POST, community, post).then().statusCode(410);
        as(TestTokens.member(author)).body(Map.of("replyId", reply))
                .put(POST + "/accepted-reply", community, post).then().statusCode(410).body("type", equalTo(REMOVED));
        as(TestTokens.member(owner)).body(Map.of("body", "Edit")).patch(REPLY, community, post, reply)
                .then().statusCode(410).body("type", equalTo(REMOVED));

        List<PublishedEvent> events = ContentApi.eventsBeforeWitness(community, author);
        assertEquals(List.of(new PostRemoved(community, post, null, author, author, null)), events.stream()
                .filter(e -> e.is(EventType.POST_REMOVED)).map(e -> e.data(PostRemoved.class)).toList());
        // An author taking back their own words is not moderation.
        as(TestTokens.member(owner)).get(AUDIT, community).then().statusCode(200).body("items", equalTo(List.of()));
    }

    @Test
    void staffRemoveOthersPostsOnlyWithAReasonWhichTheAuditKeeps() {
        String community = UUID.randomUUID().toString();
        String author = "author-" + UUID.randomUUID();
        String admin = "admin-" + UUID.randomUUID();
        String owner = "owner-" + UUID.randomUUID();
        String member = "member-" + UUID.randomUUID();
        ContentApi.joined(community, author, CommunityRole.MEMBER);
        ContentApi.joined(community, admin, CommunityRole.ADMIN);
        ContentApi.joined(community, owner, CommunityRole.OWNER);
        ContentApi.joined(community, member, CommunityRole.MEMBER);
        String post = ContentApi.post(community, author, "Buy cheap watches at example.com", List.of());

        as(TestTokens.member(member)).queryParam("reason", "Spam").delete(POST, community, post).then()
                .statusCode(403).body("type", equalTo("https://hearth.dev/problems/forbidden"));
        as(TestTokens.member(admin)).delete(POST, community, post).then().statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        as(TestTokens.member(admin)).queryParam("reason", "  ").delete(POST, community, post).then().statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        as(TestTokens.member(admin)).queryParam("reason", "x".repeat(501)).delete(POST, community, post).then()
                .statusCode(400).body("violations[0].field", equalTo("reason"));
        as(TestTokens.member(member)).get(POST, community, post).then().statusCode(200);

        as(TestTokens.member(admin)).queryParam("reason", "Advertising").delete(POST, community, post).then()
                .statusCode(204);
        as(TestTokens.member(member)).get(POST, community, post).then().statusCode(410);

        as(TestTokens.member(owner)).get(AUDIT, community).then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].actorId", equalTo(admin)).body("items[0].action", equalTo("POST_REMOVED"))
                .body("items[0].postId", equalTo(post)).body("items[0].authorId", equalTo(author))
                .body("items[0].reason", equalTo("Advertising")).body("items[0].at", notNullValue())
                .body("items[0]", not(hasKey("replyId")));
        as(TestTokens.member(member)).get(AUDIT, community).then().statusCode(403);
        as(TestTokens.member(author)).get(AUDIT, community).then().statusCode(403);

        assertEquals(List.of(new PostRemoved(community, post, null, author, admin, "Advertising")),
                ContentApi.eventsBeforeWitness(community, member).stream().filter(e -> e.is(EventType.POST_REMOVED))
                        .map(e -> e.data(PostRemoved.class)).toList());
    }

    @Test
    void repliesAreEditedByTheirAuthorAndRemovedByTheAuthorOrByStaffWithAReason() {
        String community = UUID.randomUUID().toString();
        String asker = "asker-" + UUID.randomUUID();
        String replier = "replier-" + UUID.randomUUID();
        String owner = "owner-" + UUID.randomUUID();
        ContentApi.joined(community, asker, CommunityRole.MEMBER);
        ContentApi.joined(community, replier, CommunityRole.MEMBER);
        ContentApi.joined(community, owner, CommunityRole.OWNER);
        String post = ContentApi.post(community, asker, "Favourite trail?", List.of());
        String mine = ContentApi.reply(community, post, replier, "The river loop");
        String rude = ContentApi.reply(community, post, replier, "Who cares");

        as(TestTokens.member(replier)).body(Map.of("body", "The river loop, clockwise"))
                .patch(REPLY, community, post, mine).then().statusCode(200)
                .body("body", equalTo("The river loop, clockwise")).body("editedAt", notNullValue());
        for (String caller : List.of(asker, owner)) {
            as(TestTokens.member(caller)).body(Map.of("body", "Changed")).patch(REPLY, community, post, mine)
                    .then().statusCode(403);
        }
        as(TestTokens.member(replier)).body(Map.of("body", " ")).patch(REPLY, community, post, mine)
                .then().statusCode(400);
        as(TestTokens.member(replier)).body(Map.of("body", "x")).patch(REPLY, community, post, UUID.randomUUID())
                .then().statusCode(404);

        as(TestTokens.member(asker)).queryParam("reason", "Rude").delete(REPLY, community, post, rude)
                .then().statusCode(403);
        as(TestTokens.member(owner)).delete(REPLY, community, post, rude).then().statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        as(TestTokens.member(owner)).queryParam("reason", "Rude to the asker").delete(REPLY, community, post, rude)
                .then().statusCode(204);
        as(TestTokens.member(replier)).delete(REPLY, community, post, rude).then().statusCode(410)
                .body("type", equalTo("https://hearth.dev/problems/reply-removed"));
        as(TestTokens.member(replier)).body(Map.of("body", "Sorry")).patch(REPLY, community, post, rude)
                .then().statusCode(410).body("type", equalTo("https://hearth.dev/problems/reply-removed"));
        as(TestTokens.member(asker)).get(REPLY, community, post, rude).then().statusCode(410)
                .body("type", equalTo("https://hearth.dev/problems/reply-removed"));
        as(TestTokens.member(asker)).get(REPLY, community, post, mine).then().statusCode(200)
                .body("body", equalTo("The river loop, clockwise"));
        as(TestTokens.member(asker)).get(POST + "/replies", community, post).then().statusCode(200)
                .body("items.id", equalTo(List.of(mine)));
        as(TestTokens.member(asker)).get(POST, community, post).then().body("replyCount", equalTo(1));

        as(TestTokens.member(owner)).get(AUDIT, community).then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].action", equalTo("REPLY_REMOVED"))
                .body("items[0].postId", equalTo(post)).body("items[0].replyId", equalTo(rude))
                .body("items[0].authorId", equalTo(replier)).body("items[0].actorId", equalTo(owner))
                .body("items[0].reason", equalTo("Rude to the asker"));

        List<PublishedEvent> events = ContentApi.eventsBeforeWitness(community, asker);
        assertEquals(List.of(new PostEdited(community, post, mine, replier, null, 25)), events.stream()
                .filter(e -> e.is(EventType.POST_EDITED)).map(e -> e.data(PostEdited.class)).toList());
        assertEquals(List.of(new PostRemoved(community, post, rude, replier, owner, "Rude to the asker")),
                events.stream().filter(e -> e.is(EventType.POST_REMOVED)).map(e -> e.data(PostRemoved.class))
                        .toList());
    }

    @Test
    void theAuditIsPagedOldestFirst() {
        String community = UUID.randomUUID().toString();
        String author = "author-" + UUID.randomUUID();
        String admin = "admin-" + UUID.randomUUID();
        ContentApi.joined(community, author, CommunityRole.MEMBER);
        ContentApi.joined(community, admin, CommunityRole.ADMIN);
        List<String> posts = List.of(ContentApi.post(community, author, "one", List.of()),
                ContentApi.post(community, author, "two", List.of()),
                ContentApi.post(community, author, "three", List.of()));
        for (String post : posts) {
            as(TestTokens.member(admin)).queryParam("reason", "Off topic").delete(POST, community, post)
                    .then().statusCode(204);
        }

        String cursor = as(TestTokens.member(admin)).queryParam("limit", 2).get(AUDIT, community).then()
                .statusCode(200).body("items.postId", equalTo(posts.subList(0, 2)))
                .extract().path("nextCursor");
        as(TestTokens.member(admin)).queryParam("limit", 2).queryParam("after", cursor).get(AUDIT, community)
                .then().statusCode(200).body("items.postId", equalTo(posts.subList(2, 3)))
                .body("nextCursor", nullValue());
    }

    @Test
    void aMutedMemberCannotEditOrAcceptButMayStillRemoveTheirOwnWords() {
        String community = UUID.randomUUID().toString();
        String owner = "owner-" + UUID.randomUUID();
        String member = "member-" + UUID.randomUUID();
        ContentApi.joined(community, owner, CommunityRole.OWNER);
        ContentApi.joined(community, member, CommunityRole.MEMBER);
        String question = ContentApi.question(community, member, "Is this allowed?");
        String reply = ContentApi.reply(community, question, member, "Answering myself");
        String other = ContentApi.post(community, member, "Regret this", List.of());

        KafkaEvents.publish(new MemberMuted(community, member, Instant.now().plus(Duration.ofHours(1)), "Heated",
                owner), Instant.now());
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> as(TestTokens
                .member(member)).body(Map.of("body", "Calm now")).patch(POST, community, question).statusCode() == 403);
        String muted = "https://hearth.dev/problems/muted";
        as(TestTokens.member(member)).body(Map.of("body", "Calm now")).patch(POST, community, question)
                .then().statusCode(403).body("type", equalTo(muted));
        as(TestTokens.member(member)).body(Map.of("body", "Calm now")).patch(REPLY, community, question, reply)
                .then().statusCode(403).body("type", equalTo(muted));
        as(TestTokens.member(member)).body(Map.of("replyId", reply)).put(POST + "/accepted-reply", community, question)
                .then().statusCode(403).body("type", equalTo(muted));
        as(TestTokens.member(member)).delete(POST, community, other).then().statusCode(204);
        as(TestTokens.member(member)).delete(REPLY, community, question, reply).then().statusCode(204);

        assertEquals(List.of(EventType.POST_CREATED.type(), EventType.REPLY_CREATED.type(),
                EventType.POST_CREATED.type(), EventType.POST_REMOVED.type(), EventType.POST_REMOVED.type()),
                ContentApi.types(ContentApi.eventsBeforeWitness(community, owner)));
    }

    @Test
    void unknownPostsAndRepliesAre404OnEveryRouteThatNamesThem() {
        String community = UUID.randomUUID().toString();
        String elsewhere = UUID.randomUUID().toString();
        String owner = "owner-" + UUID.randomUUID();
        ContentApi.joined(community, owner, CommunityRole.OWNER);
        ContentApi.joined(elsewhere, owner, CommunityRole.OWNER);
        String post = ContentApi.post(community, owner, "Here", List.of());
        String reply = ContentApi.reply(community, post, owner, "A reply here");
        String postElsewhere = ContentApi.post(elsewhere, owner, "There", List.of());
        String replyElsewhere = ContentApi.reply(elsewhere, postElsewhere, owner, "A reply there");
        String unknown = UUID.randomUUID().toString();

        as(TestTokens.member(owner)).queryParam("reason", "x").delete(POST, community, unknown).then().statusCode(404);
        as(TestTokens.member(owner)).queryParam("reason", "x").delete(POST, community, postElsewhere).then()
                .statusCode(404);
        as(TestTokens.member(owner)).delete(POST + "/reactions/like", community, unknown).then().statusCode(404);
        // A reply exists only under its own post and community.
        for (String[] path : List.of(new String[] { post, unknown }, new String[] { post, replyElsewhere },
                new String[] { unknown, reply }, new String[] { postElsewhere, replyElsewhere })) {
            as(TestTokens.member(owner)).get(REPLY, community, path[0], path[1]).then().statusCode(404)
                    .contentType("application/problem+json");
            as(TestTokens.member(owner)).body(Map.of("body", "x")).patch(REPLY, community, path[0], path[1])
                    .then().statusCode(404);
            as(TestTokens.member(owner)).queryParam("reason", "x").delete(REPLY, community, path[0], path[1])
                    .then().statusCode(404);
        }
        as(TestTokens.member(owner)).get(REPLY, community, post, reply).then().statusCode(200);
        as(TestTokens.member(owner)).get(REPLY, elsewhere, postElsewhere, replyElsewhere).then().statusCode(200);
    }
}
