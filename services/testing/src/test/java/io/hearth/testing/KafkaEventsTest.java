package io.hearth.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.EventType;
import io.hearth.contracts.events.MemberJoined;
import io.hearth.contracts.events.MemberLeft;
import io.hearth.contracts.events.MemberRoleChanged;
import io.hearth.contracts.events.Topics;

/** KafkaEvents on the real broker: what it reads must be what consumers see, in the order they see it. */
class KafkaEventsTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final HearthTestResource SERVERS = new HearthTestResource();

    @BeforeAll
    static void startServers() {
        SERVERS.start();
    }

    @AfterAll
    static void stopServers() {
        SERVERS.stop();
    }

    @Test
    void communityEventsComeInTopicOrderWhateverTheirEventTimes() {
        String community = UUID.randomUUID().toString();
        String member = "member-" + UUID.randomUUID();
        // Published in this order with event times going backwards, as a late or replayed event would carry.
        List<String> published = List.of(
                KafkaEvents.publish(new MemberJoined(community, member, CommunityRole.MEMBER, null, null, null), NOW),
                KafkaEvents.publish(new MemberRoleChanged(community, member, CommunityRole.ADMIN, CommunityRole.MEMBER,
                        "owner"), NOW.minus(Duration.ofHours(1))),
                KafkaEvents.publish(new MemberLeft(community, member), NOW.minus(Duration.ofHours(2))));

        assertEquals(published, ids(KafkaEvents.communityEvents(Topics.MEMBERSHIP, community)));
        assertEquals(published, ids(KafkaEvents.readAll(Topics.MEMBERSHIP).stream()
                .filter(e -> e.subject().equals(community)).toList()));
    }

    @Test
    void eachPartitionIsReadInOffsetOrder() {
        // Enough communities to land on every partition, each with two events whose times go backwards.
        List<String> communities = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String community = UUID.randomUUID().toString();
            communities.add(community);
            KafkaEvents.publish(new MemberJoined(community, "m", CommunityRole.MEMBER, null, null, null), NOW);
            KafkaEvents.publish(new MemberLeft(community, "m"), NOW.minus(Duration.ofDays(1)));
        }

        List<PublishedEvent> all = KafkaEvents.readAll(Topics.MEMBERSHIP);
        for (int i = 1; i < all.size(); i++) {
            PublishedEvent before = all.get(i - 1);
            PublishedEvent after = all.get(i);
            if (before.partition() == after.partition()) {
                assertTrue(before.offset() < after.offset(), "offset order within partition "
                        + after.partition() + ": " + before + " then " + after);
            }
        }
        for (String community : communities) {
            assertEquals(List.of(EventType.MEMBER_JOINED.type(), EventType.MEMBER_LEFT.type()),
                    all.stream().filter(e -> e.subject().equals(community)).map(PublishedEvent::type).toList());
        }
    }

    private static List<String> ids(List<PublishedEvent> events) {
        return events.stream().map(PublishedEvent::id).toList();
    }
}
