package io.hearth.analytics;

import static io.hearth.analytics.AnalyticsApi.awaitFunnel;
import static io.hearth.analytics.AnalyticsApi.communityOwnedBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.hearth.analytics.AnalyticsApi.Funnel;
import io.hearth.contracts.events.ChallengeCompleted;
import io.hearth.contracts.events.ChallengeCreated;
import io.hearth.contracts.events.ChallengeJoined;
import io.hearth.contracts.events.CheckInRecorded;
import io.hearth.contracts.events.EventAttended;
import io.hearth.contracts.events.EventCreated;
import io.hearth.contracts.events.EventRegistered;
import io.hearth.contracts.events.EventRegistrationCancelled;
import io.hearth.contracts.events.EventWaitlistPromoted;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The event and challenge funnels, from activity's events on the real broker. */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class RhythmFunnelsTest {
    private static final Instant T = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(20));
    private static final Duration HOUR = Duration.ofHours(1);

    private String owner;
    private String community;

    @BeforeEach
    void newCommunity() {
        owner = "owner-" + UUID.randomUUID();
        community = communityOwnedBy(owner);
    }

    @Test
    void registrationsAreCountedThroughAPlaceToAttendance() {
        String event = eventEnding(T.plus(Duration.ofDays(2)));
        register(event, "at-once", "REGISTERED", T.plus(HOUR));
        KafkaEvents.publish(new EventAttended(community, event, "at-once"), T.plus(Duration.ofDays(2)).minus(HOUR));
        register(event, "promoted", "WAITLISTED", T.plus(HOUR));
        KafkaEvents.publish(new EventWaitlistPromoted(community, event, "promoted"), T.plus(HOUR.multipliedBy(3)));
        register(event, "still-waiting", "WAITLISTED", T.plus(HOUR));
        register(event, "cancelled", "REGISTERED", T.plus(HOUR));
        KafkaEvents.publish(new EventRegistrationCancelled(community, event, "cancelled", "REGISTERED"),
                T.plus(HOUR.multipliedBy(2)));

        Funnel funnel = awaitFunnel("events", community, owner, Map.of(),
                f -> assertEquals(List.of(4L, 3L, 1L), f.counts()));
        assertEquals(List.of("registered", "got_place", "attended"), funnel.keys());
        assertEquals("registration", funnel.json().get("countingUnit").asText());
        assertEquals(List.of(0.0, 2400.0, 2 * 86400.0 - 2 * 3600.0), funnel.meanSeconds(),
                "places: two at once and one after 2 hours; attendance 2 days less 2 hours after registering");
        assertEquals(List.of(0L, 0L, 0L), funnel.incomplete(), "the event is over");
    }

    @Test
    void registrationsForAnEventNotYetOverAreIncompleteNotDropped() {
        Instant now = Instant.now();
        String upcoming = eventEnding(now.plus(Duration.ofDays(3)));
        register(upcoming, "waiting", "WAITLISTED", now.minus(HOUR));
        register(upcoming, "placed", "REGISTERED", now.minus(HOUR));

        Funnel funnel = awaitFunnel("events", community, owner, Map.of(),
                f -> assertEquals(List.of(2L, 1L, 0L), f.counts()));
        assertEquals(List.of(0L, 1L, 2L), funnel.incomplete());
    }

    @Test
    void participationsAreCountedThroughACheckInOnTheChallengesDaysToCompletion() {
        LocalDate startsOn = LocalDate.ofInstant(T, ZoneOffset.UTC);
        String challenge = challenge(startsOn, 5);
        join(challenge, "finisher", T);
        for (int day = 0; day < 3; day++) {
            checkIn("finisher", startsOn.plusDays(day), T.plus(HOUR).plus(Duration.ofDays(day)));
        }
        KafkaEvents.publish(new ChallengeCompleted(community, challenge, "finisher", 3),
                T.plus(HOUR).plus(Duration.ofDays(2)));
        // Checked in on the first day, joined a day later: that check-in counts toward the goal, so here at the join.
        checkIn("early", startsOn, T.plus(HOUR));
        join(challenge, "early", T.plus(Duration.ofDays(1)));
        // A check-in, but for a day after the challenge.
        join(challenge, "outside", T);
        checkIn("outside", startsOn.plusDays(10), T.plus(Duration.ofDays(10)));

        Funnel funnel = awaitFunnel("challenges", community, owner, Map.of(),
                f -> assertEquals(List.of(3L, 2L, 1L), f.counts()));
        assertEquals(List.of("joined", "checked_in", "completed"), funnel.keys());
        assertEquals("participation", funnel.json().get("countingUnit").asText());
        assertEquals(List.of(0.0, 1800.0, 2 * 86400.0 + 3600.0), funnel.meanSeconds(),
                "first check-ins 1 hour after joining and at the join");
        assertEquals(List.of(0L, 0L, 0L), funnel.incomplete(), "the challenge ended long ago");
    }

    @Test
    void participationsInAChallengeStillRunningAreIncompleteNotDropped() {
        Instant now = Instant.now();
        String challenge = challenge(LocalDate.ofInstant(now, ZoneOffset.UTC), 7);
        join(challenge, "newcomer", now.minus(HOUR));

        Funnel funnel = awaitFunnel("challenges", community, owner, Map.of(),
                f -> assertEquals(List.of(1L, 0L, 0L), f.counts()));
        assertEquals(List.of(0L, 1L, 1L), funnel.incomplete());
    }

    private String eventEnding(Instant endsAt) {
        String event = UUID.randomUUID().toString();
        KafkaEvents.publish(new EventCreated(community, event, "Meetup", endsAt.minus(HOUR.multipliedBy(2)), endsAt,
                2, false, owner), T);
        return event;
    }

    private void register(String event, String user, String status, Instant time) {
        KafkaEvents.publish(new EventRegistered(community, event, user, status,
                "WAITLISTED".equals(status) ? 1 : null), time);
    }

    private String challenge(LocalDate startsOn, int days) {
        String challenge = UUID.randomUUID().toString();
        KafkaEvents.publish(new ChallengeCreated(community, challenge, "Run every day", startsOn, days, 3, owner), T);
        return challenge;
    }

    private void join(String challenge, String user, Instant time) {
        KafkaEvents.publish(new ChallengeJoined(community, challenge, user), time);
    }

    private void checkIn(String user, LocalDate day, Instant time) {
        KafkaEvents.publish(new CheckInRecorded(community, user, day, 1), time);
    }
}
