package io.hearth.content;

import static io.hearth.testing.Requests.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.hearth.contracts.events.CommunityRole;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Members search the knowledge base in Chinese and English, by topic, in rank order, page by page. */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class KnowledgeSearchTest {
    private final String community = UUID.randomUUID().toString();
    private final String owner = "owner-" + UUID.randomUUID();
    private final String member = "member-" + UUID.randomUUID();

    @BeforeEach
    void arrange() {
        ContentApi.joined(community, owner, CommunityRole.OWNER);
        ContentApi.joined(community, member, CommunityRole.MEMBER);
    }

    @Test
    void chineseQueryFindsThePostsHoldingItsWordsWithoutSpacesBetweenThem() {
        String running = featured("周末一起去跑步吧", List.of());
        String marathon = featured("马拉松训练计划", List.of());

        search("跑步").body("items.postId", equalTo(List.of(running)));
        search("马拉松").body("items.postId", equalTo(List.of(marathon)));
        search("训练 马拉松").body("items.postId", equalTo(List.of(marathon)));
        search("跑").body("items.postId", equalTo(List.of(running)));
        // Characters of both, but not in this order in either.
        search("步马").body("items.postId", equalTo(List.of()));
    }

    @Test
    void englishQueryMatchesWholeWordsAndPrefixesIgnoringCaseAndEveryWordMustMatch() {
        String plan = featured("Marathon training plan for beginners", List.of());
        String sunday = featured("Easy Sunday run with friends, then coffee", List.of());

        search("marathon").body("items.postId", equalTo(List.of(plan)));
        search("MARAT").body("items.postId", equalTo(List.of(plan)));
        search("friend coffee").body("items.postId", equalTo(List.of(sunday)));
        search("training coffee").body("items.postId", equalTo(List.of()));
        // Mixed scripts in one post and one query.
        String mixed = featured("周末 long run 跑步", List.of());
        search("long 跑步").body("items.postId", equalTo(List.of(mixed)));
    }

    @Test
    void onlyFeaturedPostsAndAcceptedAnswersAreInItAndAnAnswersTextIsSearched() {
        String plain = ContentApi.post(community, member, "Shoes for trail running?", List.of());
        String question = ContentApi.post(community, member, "Which shoes for a rainy trail?", List.of("gear"));
        String answerer = "answerer-" + UUID.randomUUID();
        String reply = Knowledge.answered(community, question, answerer, "Anything with a Vibram sole", member);

        // The consumer re-indexes the question from hearth.answer.accepted: its answer's words find it.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> as(TestTokens
                .member(member)).queryParam("q", "vibram").get("/communities/{id}/knowledge", community)
                .then().extract().path("items.postId").equals(List.of(question)));
        list().body("items.postId", equalTo(List.of(question)))
                .body("items[0].kind", equalTo("QUESTION"))
                .body("items[0].featuredAt", nullValue())
                .body("items[0].acceptedAnswer.replyId", equalTo(reply))
                .body("items[0].acceptedAnswer.authorId", equalTo(answerer))
                .body("items[0].acceptedAnswer.body", equalTo("Anything with a Vibram sole"));
        search("shoes").body("items.postId", equalTo(List.of(question)));

        // A removed answer takes the question out; a removed featured post is out too.
        Knowledge.sql("update reply set removed_at = now(), removed_by = ? where id = ?", member,
                UUID.fromString(reply));
        String gone = featured("Trail shoes compared", List.of());
        Knowledge.sql("update post set removed_at = now(), removed_by = ? where id = ?", owner, UUID.fromString(gone));
        list().body("items.postId", equalTo(List.of()));
        as(TestTokens.member(owner)).put("/communities/{c}/posts/{p}/featured", community, gone)
                .then().statusCode(404);
        as(TestTokens.member(owner)).put("/communities/{c}/posts/{p}/featured", community, plain)
                .then().statusCode(200);
        list().body("items.postId", equalTo(List.of(plain)));
    }

    @Test
    void topicFilterKeepsOnlyPostsWithTheTagAndCombinesWithTheQuery() {
        String run = featured("Morning run by the river", List.of("running"));
        String book = featured("A book about the river", List.of("books"));
        String both = featured("Running and reading", List.of("Running", "books"));

        search(null, "#RUNNING").body("items.postId", equalTo(List.of(both, run)));
        search("river", "running").body("items.postId", equalTo(List.of(run)));
        search("river", "books").body("items.postId", equalTo(List.of(book)));
        search(null, "gardening").body("items.postId", equalTo(List.of()));
        // A topic's words are searched too ("book" in a body is not "books"): equally relevant, the newer first.
        search("books", null).body("items.postId", equalTo(List.of(both, book)));
    }

    @Test
    void rankedByStandingThenEngagementThenRecencyAndPagedByRankWithoutRepeatsOrGaps() {
        String quiet = featured("Quiet tip", List.of());
        String older = featured("Busy tip, older", List.of());
        String newer = featured("Busy tip, newer", List.of());
        String answered = featured("Answered and featured tip", List.of());
        Knowledge.counters(older, 3, 2);
        Knowledge.counters(newer, 1, 4);
        Knowledge.answered(community, answered, "a-" + UUID.randomUUID(), "Because.", owner);
        Knowledge.counters(answered, 0, 0);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> as(TestTokens
                .member(member)).get("/communities/{id}/knowledge", community).then().extract()
                .path("items[0].acceptedAnswer") != null);

        List<String> expected = List.of(answered, newer, older, quiet);
        list().body("items.postId", equalTo(expected)).body("nextCursor", nullValue())
                .body("items[1].replyCount", equalTo(1)).body("items[1].reactionCount", equalTo(4));
        String cursor = page(null, 3, null).body("items.postId", equalTo(expected.subList(0, 3)))
                .body("nextCursor", notNullValue()).extract().path("nextCursor");
        // A post featured after the first page was read ranks below it (no engagement, the newest): the second page
        // goes on after the last item seen, with nothing repeated and nothing skipped.
        String late = featured("Late tip", List.of());
        page(null, 3, cursor).body("items.postId", equalTo(List.of(late, quiet))).body("nextCursor", nullValue());
    }

    @Test
    void relevanceToTheQueryComesBeforeStandingAndEngagement() {
        String inPost = featured("Waterproof shoes for winter", List.of());
        String onlyInAnswer = featured("What should I wear on my feet?", List.of());
        Knowledge.answered(community, onlyInAnswer, "a-" + UUID.randomUUID(), "Waterproof shoes", member);
        Knowledge.counters(onlyInAnswer, 50, 50);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> as(TestTokens
                .member(member)).queryParam("q", "waterproof").get("/communities/{id}/knowledge", community)
                .then().extract().path("items.postId").equals(List.of(inPost, onlyInAnswer)));
        // Without a query, standing (featured and answered) and engagement lead.
        list().body("items.postId", equalTo(List.of(onlyInAnswer, inPost)));
    }

    private String featured(String body, List<String> topics) {
        String post = ContentApi.post(community, member, body, topics);
        Knowledge.feature(community, owner, post);
        return post;
    }

    private ValidatableResponse list() {
        return search(null, null);
    }

    private ValidatableResponse search(String q) {
        return search(q, null);
    }

    private ValidatableResponse search(String q, String topic) {
        var request = as(TestTokens.member(member));
        if (q != null) {
            request = request.queryParam("q", q);
        }
        if (topic != null) {
            request = request.queryParam("topic", topic);
        }
        return request.get("/communities/{id}/knowledge", community).then().statusCode(200);
    }

    private ValidatableResponse page(String q, int limit, String after) {
        var request = as(TestTokens.member(member)).queryParam("limit", limit);
        if (q != null) {
            request = request.queryParam("q", q);
        }
        if (after != null) {
            request = request.queryParam("after", after);
        }
        return request.get("/communities/{id}/knowledge", community).then().statusCode(200);
    }
}
