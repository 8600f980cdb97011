package io.hearth.activity;

import static io.hearth.testing.Requests.as;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import io.hearth.contracts.events.CheckInRecorded;
import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.EventType;
import io.hearth.contracts.events.MemberJoined;
import io.hearth.contracts.events.MemberLeft;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.PublishedEvent;
import io.hearth.testing.TestTokens;

/** The activity routes as a frontend calls them, and membership arranged through its events. */
final class ActivityApi {
    private static final Duration REPLICA = Duration.ofSeconds(30);

    private ActivityApi() {
    }

    /** Makes {@code userId} a member of the community as membership would, and waits until activity knows it. */
    static void join(String communityId, String userId, CommunityRole role) {
        KafkaEvents.publish(new MemberJoined(communityId, userId, role, null, null, null), Instant.now());
        await().atMost(REPLICA).until(() -> streakStatus(communityId, userId) == 200);
    }

    /** Ends {@code userId}'s membership as membership would, and waits until activity refuses them. */
    static void leave(String communityId, String userId) {
        KafkaEvents.publish(new MemberLeft(communityId, userId), Instant.now());
        await().atMost(REPLICA).until(() -> streakStatus(communityId, userId) == 403);
    }

    static int streakStatus(String communityId, String userId) {
        return as(TestTokens.member(userId)).get("/communities/{id}/check-ins/me", communityId).statusCode();
    }

    /** The hearth.checkin.recorded events of one member in one community, in the order activity published them. */
    static java.util.List<CheckInRecorded> checkInEvents(String communityId, String userId) {
        return KafkaEvents.events(EventType.CHECKIN_RECORDED, e -> ofMember(e, communityId, userId)).stream()
                .map(e -> e.data(CheckInRecorded.class)).toList();
    }

    static boolean ofMember(PublishedEvent event, String communityId, String userId) {
        return event.subject().equals(communityId) && event.data(CheckInRecorded.class).userId().equals(userId);
    }
}
