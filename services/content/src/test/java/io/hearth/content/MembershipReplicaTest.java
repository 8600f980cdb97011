package io.hearth.content;

import static io.hearth.testing.Requests.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.MemberJoined;
import io.hearth.contracts.events.MemberLeft;
import io.hearth.contracts.events.Topics;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The membership replica content checks callers against: idempotent, and robust to poison records. */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class MembershipReplicaTest {

    @Test
    void replayedJoinAfterALeaveDoesNotMakeTheFormerMemberAMemberAgain() {
        String community = UUID.randomUUID().toString();
        String person = "m-" + UUID.randomUUID();
        String joinId = UUID.randomUUID().toString();
        KafkaEvents.publish(new MemberJoined(community, person, CommunityRole.MEMBER, null, null, null),
                Instant.now(), joinId);
        await().atMost(Duration.ofSeconds(30)).until(() -> as(TestTokens.member(person))
                .get("/communities/{id}/posts", community).statusCode() == 200);
        ContentApi.post(community, person, "hello", List.of());
        ContentApi.left(community, person);

        // The same join delivered again (a producer retry, a replay): already applied, so it changes nothing.
        KafkaEvents.publish(new MemberJoined(community, person, CommunityRole.MEMBER, null, null, null),
                Instant.now(), joinId);
        String witness = "w-" + UUID.randomUUID();
        ContentApi.joined(community, witness, CommunityRole.MEMBER);
        as(TestTokens.member(person)).body("{\"body\":\"still here?\"}").post("/communities/{id}/posts", community)
                .then().statusCode(403);
    }

    @Test
    void poisonRecordGoesToTheDeadLetterTopicAndLaterEventsStillApply() {
        String community = UUID.randomUUID().toString();
        KafkaEvents.send(new ProducerRecord<>(Topics.MEMBERSHIP, community, "{not a cloud event"));
        ConsumerRecord<String, String> dead = KafkaEvents.awaitDeadLetter("hearth.dlq.content",
                r -> community.equals(r.key()));
        assertEquals("{not a cloud event", dead.value());
        assertNotNull(KafkaEvents.header(dead, "dead-letter-reason"));

        String person = "m-" + UUID.randomUUID();
        ContentApi.joined(community, person, CommunityRole.MEMBER);
        ContentApi.post(community, person, "the consumer kept going", List.of());
        KafkaEvents.publish(new MemberLeft(community, person), Instant.now());
    }
}
