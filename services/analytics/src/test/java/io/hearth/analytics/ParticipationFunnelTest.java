package io.hearth.analytics;

import static io.hearth.analytics.AnalyticsApi.PARTICIPATION;
import static io.hearth.analytics.AnalyticsApi.awaitParticipation;
import static io.hearth.analytics.AnalyticsApi.communityOwnedBy;
import static io.hearth.analytics.AnalyticsApi.joined;
import static io.hearth.analytics.AnalyticsApi.posted;
import static io.hearth.testing.Requests.as;
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
import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.ReactionAdded;
import io.hearth.contracts.events.ReplyCreated;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The ladder joined -> reacted -> replied -> posted, from content's events on the real broker. */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class ParticipationFunnelTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);

    private String owner;
    private String community;

    @BeforeEach
    void newCommunity() {
        owner = "owner-" + UUID.randomUUID();
        community = communityOwnedBy(owner);
    }

    @Test
    void memberWhoReactsRepliesAndPostsClimbsEveryStep() {
        climbs("alice-" + UUID.randomUUID(), NOW.minus(DAY.multipliedBy(3)));

        Funnel funnel = awaitParticipation(community, owner, Map.of(),
                f -> assertEquals(List.of(1L, 1L, 1L, 1L), f.counts()));
        assertEquals(List.of("joined", "reacted", "replied", "posted"), funnel.keys());
        assertEquals(List.of(0.0, 3600.0, 7200.0, 10800.0), funnel.medianSeconds());
    }

    @Test
    void lurkersAndReactorsStopLowerOnTheLadder() {
        Instant t = NOW.minus(DAY.multipliedBy(20));
        String lurker = "lurker-" + UUID.randomUUID();
        joined(community, lurker, t);
        String reactor = "reactor-" + UUID.randomUUID();
        joined(community, reactor, t);
        reacted(reactor, t.plus(HOUR));
        climbs("climber-" + UUID.randomUUID(), t);

        Funnel funnel = awaitParticipation(community, owner, Map.of(),
                f -> assertEquals(List.of(3L, 2L, 1L, 1L), f.counts()));
        assertEquals(List.of(1.0, 2.0 / 3, 0.5, 1.0), funnel.fromPrevious());
        assertEquals(List.of(0L, 0L, 0L, 0L), funnel.incomplete(), "every window closed days ago");
    }

    @Test
    void postingBeforeReactingIsNotYetAClimb() {
        Instant t = NOW.minus(DAY.multipliedBy(20));
        String poster = "poster-" + UUID.randomUUID();
        joined(community, poster, t);
        posted(community, poster, t.plus(HOUR));
        replied(poster, t.plus(HOUR.multipliedBy(2)));
        reacted(poster, t.plus(HOUR.multipliedBy(3)));
        climbs("control-" + UUID.randomUUID(), t);

        Funnel funnel = awaitParticipation(community, owner, Map.of(),
                f -> assertEquals(List.of(2L, 2L, 1L, 1L), f.counts()));
        assertEquals(List.of(0.0, 7200.0, 7200.0, 10800.0), funnel.meanSeconds(),
                "the poster reacted 3 hours in, the control 1 hour in");
    }

    @Test
    void staffReactionsAndRepliesAreNotCounted() {
        Instant t = NOW.minus(DAY.multipliedBy(2));
        String admin = "admin-" + UUID.randomUUID();
        joined(community, admin, CommunityRole.ADMIN, t);
        reacted(admin, t.plus(HOUR));
        String member = "member-" + UUID.randomUUID();
        joined(community, member, t);

        Funnel funnel = awaitParticipation(community, owner, Map.of(),
                f -> assertEquals(List.of(1L, 0L, 0L, 0L), f.counts()));
        assertEquals(List.of(0L, 1L, 1L, 1L), funnel.incomplete(), "the member's window is still open");
    }

    @Test
    void membersMayNotReadIt() {
        String member = "member-" + UUID.randomUUID();
        joined(community, member, NOW.minus(HOUR));
        awaitParticipation(community, owner, Map.of(), f -> assertEquals(1L, f.counts().get(0)));
        as(TestTokens.member(member)).get(PARTICIPATION, community).then().statusCode(403);
    }

    private void climbs(String person, Instant joinedAt) {
        joined(community, person, joinedAt);
        reacted(person, joinedAt.plus(HOUR));
        replied(person, joinedAt.plus(HOUR.multipliedBy(2)));
        posted(community, person, joinedAt.plus(HOUR.multipliedBy(3)));
    }

    private void reacted(String person, Instant time) {
        KafkaEvents.publish(new ReactionAdded(community, UUID.randomUUID().toString(), person, "like", owner), time);
    }

    private void replied(String person, Instant time) {
        KafkaEvents.publish(new ReplyCreated(community, UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                person, owner, 12), time);
    }
}
