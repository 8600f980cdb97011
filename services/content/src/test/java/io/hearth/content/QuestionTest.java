package io.hearth.content;

import static io.hearth.testing.Requests.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.hearth.contracts.events.AnswerAccepted;
import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.EventType;
import io.hearth.contracts.events.PostCreated;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.PublishedEvent;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Questions: the asker or staff accept one reply as the answer; unanswered ones can be listed. */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class QuestionTest {
    private static final String POSTS = "/communities/{c}/posts";
    private static final String ACCEPT = POSTS + "/{p}/accepted-reply";

    @Test
    void theAskerAcceptsAnAnswerStaffMayReplaceItAndTheQuestionLeavesTheUnansweredList() {
        String community = UUID.randomUUID().toString();
        String asker = "asker-" + UUID.randomUUID();
        String helper = "helper-" + UUID.randomUUID();
        String admin = "admin-" + UUID.randomUUID();
        ContentApi.joined(community, asker, CommunityRole.MEMBER);
        ContentApi.joined(community, helper, CommunityRole.MEMBER);
        ContentApi.joined(community, admin, CommunityRole.ADMIN);
        String question = as(TestTokens.member(asker)).body(Map.of("body", "Which shoes for a half marathon?",
                "kind", "QUESTION")).post(POSTS, community).then().statusCode(201)
                .body("kind", equalTo("QUESTION")).body("acceptedReplyId", nullValue()).extract().path("id");
        String other = ContentApi.question(community, helper, "Where do we meet?");
        ContentApi.post(community, asker, "Not a question", List.of());
        String first = ContentApi.reply(community, question, helper, "Light trainers");
        String second = ContentApi.reply(community, question, admin, "Whatever you trained in");

        as(TestTokens.member(helper)).queryParam("kind", "QUESTION").queryParam("unanswered", "true")
                .get(POSTS, community).then().statusCode(200).body("items.id", equalTo(List.of(other, question)));
        as(TestTokens.member(helper)).body(Map.of("replyId", first)).put(ACCEPT, community, question)
                .then().statusCode(403).body("type", equalTo("https://hearth.dev/problems/forbidden"));

        as(TestTokens.member(asker)).body(Map.of("replyId", first)).put(ACCEPT, community, question)
                .then().statusCode(200).body("acceptedReplyId", equalTo(first)).body("kind", equalTo("QUESTION"));
        as(TestTokens.member(asker)).body(Map.of("replyId", first)).put(ACCEPT, community, question)
                .then().statusCode(200).body("acceptedReplyId", equalTo(first));
        as(TestTokens.member(helper)).queryParam("unanswered", "true").get(POSTS, community).then().statusCode(200)
                .body("items.id", equalTo(List.of(other)));
        as(TestTokens.member(admin)).body(Map.of("replyId", second)).put(ACCEPT, community, question)
                .then().statusCode(200).body("acceptedReplyId", equalTo(second));
        as(TestTokens.member(helper)).get(POSTS + "/{p}", community, question).then()
                .body("acceptedReplyId", equalTo(second)).body("replyCount", equalTo(2));
        as(TestTokens.member(helper)).queryParam("kind", "QUESTION").get(POSTS, community).then()
                .body("items.id", equalTo(List.of(other, question)));

        List<PublishedEvent> events = ContentApi.eventsBeforeWitness(community, asker);
        assertEquals(List.of(new AnswerAccepted(community, question, first, helper, asker),
                new AnswerAccepted(community, question, second, admin, admin)), events.stream()
                        .filter(e -> e.is(EventType.ANSWER_ACCEPTED)).map(e -> e.data(AnswerAccepted.class)).toList());
        assertEquals(List.of("QUESTION", "QUESTION"), events.stream().filter(e -> e.is(EventType.POST_CREATED))
                .map(e -> e.data(PostCreated.class)).filter(p -> p.kind() != null).map(PostCreated::kind).toList());
    }

    @Test
    void onlyAQuestionTakesAnAnswerAndOnlyAStandingReplyToIt() {
        String community = UUID.randomUUID().toString();
        String asker = "asker-" + UUID.randomUUID();
        ContentApi.joined(community, asker, CommunityRole.MEMBER);
        String plain = ContentApi.post(community, asker, "Just saying hi", List.of());
        String replyToPlain = ContentApi.reply(community, plain, asker, "Hi back");
        String question = ContentApi.question(community, asker, "Anyone up for a swim?");
        String removed = ContentApi.reply(community, question, asker, "Me, maybe");
        as(TestTokens.member(asker)).delete(POSTS + "/{p}/replies/{r}", community, question, removed)
                .then().statusCode(204);

        as(TestTokens.member(asker)).body(Map.of("replyId", replyToPlain)).put(ACCEPT, community, plain)
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://hearth.dev/problems/not-a-question"));
        for (String reply : List.of(replyToPlain, removed, UUID.randomUUID().toString())) {
            as(TestTokens.member(asker)).body(Map.of("replyId", reply)).put(ACCEPT, community, question)
                    .then().statusCode(422).body("type", equalTo("https://hearth.dev/problems/reply-unavailable"));
        }
        as(TestTokens.member(asker)).body(Map.of()).put(ACCEPT, community, question).then().statusCode(400)
                .body("violations[0].field", equalTo("replyId"));
        as(TestTokens.member(asker)).body(Map.of("replyId", replyToPlain)).put(ACCEPT, community, UUID.randomUUID())
                .then().statusCode(404);
        as(TestTokens.member(asker)).get(POSTS + "/{p}", community, question).then()
                .body("acceptedReplyId", nullValue());
        assertEquals(List.of(), ContentApi.eventsBeforeWitness(community, asker).stream()
                .filter(e -> e.is(EventType.ANSWER_ACCEPTED)).toList());
    }

    @Test
    void removingTheAcceptedAnswerReopensTheQuestion() {
        String community = UUID.randomUUID().toString();
        String asker = "asker-" + UUID.randomUUID();
        String owner = "owner-" + UUID.randomUUID();
        ContentApi.joined(community, asker, CommunityRole.MEMBER);
        ContentApi.joined(community, owner, CommunityRole.OWNER);
        String question = ContentApi.question(community, asker, "Best time to run?");
        String answer = ContentApi.reply(community, question, asker, "Buy my course");
        as(TestTokens.member(asker)).body(Map.of("replyId", answer)).put(ACCEPT, community, question)
                .then().statusCode(200);

        as(TestTokens.member(owner)).queryParam("reason", "Self-promotion")
                .delete(POSTS + "/{p}/replies/{r}", community, question, answer).then().statusCode(204);
        as(TestTokens.member(owner)).get(POSTS + "/{p}", community, question).then()
                .body("acceptedReplyId", nullValue()).body("replyCount", equalTo(0));
        as(TestTokens.member(owner)).queryParam("unanswered", "true").get(POSTS, community).then()
                .body("items.id", equalTo(List.of(question)));
    }

    @Test
    void clientsAskOnlyForPostsOrQuestionsAndFilterWithValidParameters() {
        String community = UUID.randomUUID().toString();
        String member = "member-" + UUID.randomUUID();
        ContentApi.joined(community, member, CommunityRole.MEMBER);

        for (String kind : List.of("WELCOME", "BROADCAST", "question", "POLL")) {
            as(TestTokens.member(member)).body(Map.of("body", "Sneaky", "kind", kind)).post(POSTS, community)
                    .then().statusCode(400).contentType("application/problem+json");
        }
        as(TestTokens.member(member)).queryParam("unanswered", "yes").get(POSTS, community).then().statusCode(400)
                .body("violations[0].field", equalTo("unanswered"));
        as(TestTokens.member(member)).queryParam("kind", "POST").queryParam("unanswered", "true")
                .get(POSTS, community).then().statusCode(400).body("violations[0].field", equalTo("unanswered"));
        as(TestTokens.member(member)).queryParam("kind", "POLL").get(POSTS, community).then().statusCode(400)
                .body("violations[0].field", equalTo("kind"));
        as(TestTokens.member(member)).get(POSTS, community).then().statusCode(200).body("items", equalTo(List.of()));
    }
}
