package io.hearth.analytics;

import static io.hearth.analytics.AnalyticsApi.awaitQuestions;
import static io.hearth.analytics.AnalyticsApi.communityOwnedBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.hearth.analytics.AnalyticsApi.Funnel;
import io.hearth.contracts.events.AnswerAccepted;
import io.hearth.contracts.events.PostCreated;
import io.hearth.contracts.events.PostRemoved;
import io.hearth.contracts.events.ReplyCreated;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.HearthTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** asked -> replied -> accepted per question, from content's events on the real broker. */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class QuestionFunnelTest {
    private static final Instant T = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(20));
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private String owner;
    private String community;

    @BeforeEach
    void newCommunity() {
        owner = "owner-" + UUID.randomUUID();
        community = communityOwnedBy(owner);
    }

    @Test
    void questionsAreCountedThroughAFirstReplyToAnAcceptedAnswer() {
        String answered = asked("asker-1", T);
        String reply = replied(answered, "helper", T.plus(MINUTE.multipliedBy(10)));
        replied(answered, "late-helper", T.plus(MINUTE.multipliedBy(30)));
        accepted(answered, reply, "helper", T.plus(MINUTE.multipliedBy(60)));
        String repliedOnly = asked("asker-2", T);
        replied(repliedOnly, "helper", T.plus(MINUTE.multipliedBy(20)));
        asked("asker-3", T);
        // A plain post is not a question.
        KafkaEvents.publish(new PostCreated(community, UUID.randomUUID().toString(), "poster", List.of(), 5), T);

        Funnel funnel = awaitQuestions(community, owner, Map.of(), f -> assertEquals(List.of(3L, 2L, 1L), f.counts()));
        assertEquals(List.of("asked", "replied", "accepted"), funnel.keys());
        assertEquals("question", funnel.json().get("countingUnit").asText());
        assertEquals(List.of(0.0, 900.0, 3600.0), funnel.meanSeconds(), "first replies after 10 and 20 minutes");
        assertEquals(List.of(0L, 0L, 0L), funnel.incomplete(), "asked 20 days ago, the 14-day windows are closed");
    }

    @Test
    void theAskersOwnRepliesAndTakenDownOnesAreNotAnswers() {
        String question = asked("asker", T);
        replied(question, "asker", T.plus(MINUTE));
        String spam = replied(question, "spammer", T.plus(MINUTE.multipliedBy(2)));
        KafkaEvents.publish(new PostRemoved(community, question, spam, "spammer", owner, "spam"),
                T.plus(MINUTE.multipliedBy(3)));
        String removedQuestion = asked("asker-2", T);
        KafkaEvents.publish(new PostRemoved(community, removedQuestion, null, "asker-2", owner, "off topic"),
                T.plus(MINUTE));
        String control = asked("asker-3", T);
        replied(control, "helper", T.plus(MINUTE.multipliedBy(5)));

        awaitQuestions(community, owner, Map.of(), f -> assertEquals(List.of(2L, 1L, 0L), f.counts()));
    }

    @Test
    void aReplyAfterTheWindowDoesNotCountAndRecentQuestionsAreIncomplete() {
        String slow = asked("asker", T);
        replied(slow, "helper", T.plus(Duration.ofDays(3)));
        String recent = asked("asker-2", Instant.now().minus(Duration.ofHours(1)));
        replied(recent, "helper", Instant.now().minus(MINUTE));

        Funnel funnel = awaitQuestions(community, owner, Map.of("windowDays", 2),
                f -> assertEquals(List.of(2L, 1L, 0L), f.counts()));
        assertEquals(List.of(0L, 0L, 1L), funnel.incomplete(), "the recent one may still get an accepted answer");
    }

    private String asked(String asker, Instant time) {
        String post = UUID.randomUUID().toString();
        KafkaEvents.publish(new PostCreated(community, post, asker, List.of("help"), 20, "QUESTION", null), time);
        return post;
    }

    private String replied(String post, String author, Instant time) {
        String reply = UUID.randomUUID().toString();
        KafkaEvents.publish(new ReplyCreated(community, post, reply, author, "asker", 12), time);
        return reply;
    }

    private void accepted(String post, String reply, String answerer, Instant time) {
        KafkaEvents.publish(new AnswerAccepted(community, post, reply, answerer, "asker-1"), time);
    }
}
