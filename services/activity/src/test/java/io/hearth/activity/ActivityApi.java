package io.hearth.activity;

import static io.hearth.testing.Requests.as;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.hearth.contracts.events.CheckInRecorded;
import io.hearth.contracts.events.CommunityCreated;
import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.CommunityUpdated;
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

    /**
     * Creates the community in {@code timeZone} as membership would, with {@code owner} as its owner, and waits until
     * activity knows the owner: a community's events share one partition and are applied in order, so by then it
     * knows the time zone too.
     */
    static void created(String communityId, String owner, String timeZone) {
        KafkaEvents.publish(new CommunityCreated(communityId, "Early Risers", "Up before six", "GOAL", null, owner,
                timeZone, "OPEN"), Instant.now());
        join(communityId, owner, CommunityRole.OWNER);
    }

    /**
     * Moves the community to {@code timeZone} as membership's settings change would, and waits until activity has
     * applied it: until it knows a member who joined after the change (same partition, applied in order).
     */
    static void timeZoneChanged(String communityId, String timeZone, String updatedBy) {
        KafkaEvents.publish(new CommunityUpdated(communityId, "Early Risers", "Up before six", null, timeZone, "OPEN",
                List.of(), null, updatedBy), Instant.now());
        join(communityId, "marker-" + UUID.randomUUID(), CommunityRole.MEMBER);
    }

    /**
     * Waits until a fresh member's check-in in the community is published: events of a community are published in
     * commit order, so by then every event of what committed before it is out too.
     */
    static void awaitALaterEvent(String communityId) {
        String later = "later-" + UUID.randomUUID();
        join(communityId, later, CommunityRole.MEMBER);
        as(TestTokens.member(later)).body("{}").post("/communities/{id}/check-ins", communityId)
                .then().statusCode(201);
        KafkaEvents.awaitEvent(EventType.CHECKIN_RECORDED, e -> ofMember(e, communityId, later));
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
