package io.hearth.content;

import static io.hearth.testing.Requests.as;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.EventType;
import io.hearth.contracts.events.MemberJoined;
import io.hearth.contracts.events.MemberLeft;
import io.hearth.contracts.events.PostCreated;
import io.hearth.contracts.events.Topics;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.PublishedEvent;
import io.hearth.testing.TestTokens;

/** The content routes as a frontend calls them, and membership's events as membership publishes them. */
final class ContentApi {
    private static final Duration REPLICA_WAIT = Duration.ofSeconds(30);

    private ContentApi() {
    }

    /**
     * Makes {@code userId} a member of the community with {@code role}, through membership's event, and waits until
     * content's replica lets them read the community's posts.
     */
    static void joined(String communityId, String userId, CommunityRole role) {
        KafkaEvents.publish(new MemberJoined(communityId, userId, role, null, null, null), Instant.now());
        await().atMost(REPLICA_WAIT).pollInterval(Duration.ofMillis(200)).until(() -> as(TestTokens.member(userId))
                .get("/communities/{id}/posts", communityId).statusCode() == 200);
    }

    /** Ends the membership through membership's event and waits until content refuses the person. */
    static void left(String communityId, String userId) {
        KafkaEvents.publish(new MemberLeft(communityId, userId), Instant.now());
        await().atMost(REPLICA_WAIT).pollInterval(Duration.ofMillis(200)).until(() -> as(TestTokens.member(userId))
                .get("/communities/{id}/posts", communityId).statusCode() == 403);
    }

    /** Posts as {@code authorId} and returns the post's id. */
    static String post(String communityId, String authorId, String body, List<String> topics) {
        return as(TestTokens.member(authorId)).body(Map.of("body", body, "topics", topics))
                .post("/communities/{id}/posts", communityId)
                .then().statusCode(201).extract().path("id");
    }

    /** Asks a question as {@code authorId} and returns the post's id. */
    static String question(String communityId, String authorId, String body) {
        return as(TestTokens.member(authorId)).body(Map.of("body", body, "kind", "QUESTION"))
                .post("/communities/{id}/posts", communityId)
                .then().statusCode(201).extract().path("id");
    }

    /** Replies as {@code authorId} and returns the reply's id. */
    static String reply(String communityId, String postId, String authorId, String body) {
        return as(TestTokens.member(authorId)).body(Map.of("body", body))
                .post("/communities/{c}/posts/{p}/replies", communityId, postId)
                .then().statusCode(201).extract().path("id");
    }

    /**
     * The community's content events, in the order they were published, up to a witness post that {@code authorId}
     * writes now (left out). A community's events are published in commit order, so an event of any request made
     * before would be among them: what is not there was never published.
     */
    static List<PublishedEvent> eventsBeforeWitness(String communityId, String authorId) {
        String witness = post(communityId, authorId, "witness", List.of());
        List<PublishedEvent> events = KafkaEvents.awaitCommunityEvents(Topics.CONTENT, communityId,
                all -> all.stream().anyMatch(e -> e.is(EventType.POST_CREATED)
                        && e.data(PostCreated.class).postId().equals(witness)));
        return events.stream().takeWhile(e -> !(e.is(EventType.POST_CREATED)
                && e.data(PostCreated.class).postId().equals(witness))).toList();
    }

    /** The types of the events, as "hearth.reaction.added" and so on. */
    static List<String> types(List<PublishedEvent> events) {
        return events.stream().map(PublishedEvent::type).toList();
    }
}
