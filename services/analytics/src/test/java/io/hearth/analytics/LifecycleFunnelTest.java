package io.hearth.analytics;

import static io.hearth.analytics.AnalyticsApi.awaitLifecycle;
import static io.hearth.analytics.AnalyticsApi.checkedIn;
import static io.hearth.analytics.AnalyticsApi.communityOwnedBy;
import static io.hearth.analytics.AnalyticsApi.convertsFully;
import static io.hearth.analytics.AnalyticsApi.joined;
import static io.hearth.analytics.AnalyticsApi.left;
import static io.hearth.analytics.AnalyticsApi.paid;
import static io.hearth.analytics.AnalyticsApi.posted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.hearth.analytics.AnalyticsApi.Funnel;
import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.MemberRoleChanged;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(HearthTestResource.class)
class LifecycleFunnelTest {
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
    void memberWhoJoinsPostsChecksInAndPaysConvertsAtEveryStep() {
        convertsFully(community, "alice-" + UUID.randomUUID(), NOW.minus(DAY.multipliedBy(3)));

        Funnel funnel = awaitLifecycle(community, owner, Map.of(),
                f -> assertEquals(List.of(1L, 1L, 1L, 1L), f.counts()));
        assertEquals(List.of("joined", "posted", "checked_in", "paid"), funnel.keys());
        assertEquals(List.of(1.0, 1.0, 1.0, 1.0), funnel.fromPrevious());
        assertEquals(List.of(1.0, 1.0, 1.0, 1.0), funnel.fromFirst());
        assertEquals(List.of(0.0, 3600.0, 7200.0, 10800.0), funnel.medianSeconds());
        assertEquals(List.of(0.0, 3600.0, 7200.0, 10800.0), funnel.meanSeconds());
        assertEquals(List.of(0L, 0L, 0L, 0L), funnel.incomplete());
        assertEquals(community, funnel.json().get("communityId").asText());
        assertEquals(14, funnel.json().get("windowDays").asInt());
        assertEquals("person", funnel.json().get("countingUnit").asText());
    }

    @Test
    void memberWhoOnlyJoinsHalvesTheConversionAndStaysIncompleteWhileTheWindowIsOpen() {
        convertsFully(community, "alice-" + UUID.randomUUID(), NOW.minus(DAY.multipliedBy(3)));
        joined(community, "bob-" + UUID.randomUUID(), NOW.minus(DAY.multipliedBy(2)));

        Funnel funnel = awaitLifecycle(community, owner, Map.of(),
                f -> assertEquals(List.of(2L, 1L, 1L, 1L), f.counts()));
        assertEquals(List.of(1.0, 0.5, 1.0, 1.0), funnel.fromPrevious());
        assertEquals(List.of(1.0, 0.5, 0.5, 0.5), funnel.fromFirst());
        assertEquals(List.of(0L, 1L, 1L, 1L), funnel.incomplete());
    }

    @Test
    void staffAreNotCountedAsMembers() {
        joined(community, "admin-" + UUID.randomUUID(), CommunityRole.ADMIN, NOW.minus(DAY));
        String member = "member-" + UUID.randomUUID();
        joined(community, member, NOW.minus(HOUR));

        // The member's join comes after the staff joins on the topic: once it counts, they were applied.
        Funnel funnel = awaitLifecycle(community, owner, Map.of(),
                f -> assertEquals(List.of(1L, 0L, 0L, 0L), f.counts()));
        assertEquals(List.of(0L, 1L, 1L, 1L), funnel.incomplete());
    }

    @Test
    void memberMadeAnAdminSinceIsStaffAndLeftOut() {
        String promoted = "promoted-" + UUID.randomUUID();
        convertsFully(community, promoted, NOW.minus(DAY.multipliedBy(3)));
        awaitLifecycle(community, owner, Map.of(), f -> assertEquals(List.of(1L, 1L, 1L, 1L), f.counts()));

        KafkaEvents.publish(new MemberRoleChanged(community, promoted, CommunityRole.ADMIN, CommunityRole.MEMBER,
                owner), NOW.minus(DAY));
        String member = "member-" + UUID.randomUUID();
        joined(community, member, NOW.minus(HOUR));
        awaitLifecycle(community, owner, Map.of(), f -> assertEquals(List.of(1L, 0L, 0L, 0L), f.counts()));
    }

    @Test
    void stepsDoneOutOfOrderDoNotConvert() {
        Instant t = NOW.minus(DAY.multipliedBy(5));
        String early = "early-payer-" + UUID.randomUUID();
        joined(community, early, t);
        paid(community, early, t.plus(HOUR));
        posted(community, early, t.plus(HOUR.multipliedBy(2)));
        checkedIn(community, early, t.plus(HOUR.multipliedBy(3)));
        // Published after the early payer's events on every topic: once they count, the others were applied.
        convertsFully(community, "control-" + UUID.randomUUID(), t);

        Funnel funnel = awaitLifecycle(community, owner, Map.of(),
                f -> assertEquals(List.of(2L, 2L, 2L, 1L), f.counts()));
        assertEquals(List.of(1.0, 1.0, 1.0, 0.5), funnel.fromPrevious());
    }

    @Test
    void checkInBeforePostingDoesNotConvertButALaterOneDoes() {
        Instant t = NOW.minus(DAY.multipliedBy(5));
        String person = "member-" + UUID.randomUUID();
        joined(community, person, t);
        checkedIn(community, person, t.plus(HOUR));
        posted(community, person, t.plus(HOUR.multipliedBy(2)));
        checkedIn(community, person, t.plus(HOUR.multipliedBy(4)));

        Funnel funnel = awaitLifecycle(community, owner, Map.of(),
                f -> assertEquals(List.of(1L, 1L, 1L, 0L), f.counts()));
        assertEquals(Arrays.asList(0.0, 7200.0, 14400.0, null), funnel.medianSeconds());
        assertEquals(Arrays.asList(0.0, 7200.0, 14400.0, null), funnel.meanSeconds());
    }

    @Test
    void stepAfterTheWindowDoesNotConvert() {
        Instant t = NOW.minus(DAY.multipliedBy(25));
        String slow = "slow-" + UUID.randomUUID();
        joined(community, slow, t);
        posted(community, slow, t.plus(DAY.multipliedBy(15)));
        convertsFully(community, "control-" + UUID.randomUUID(), t);

        Funnel funnel = awaitLifecycle(community, owner, Map.of(),
                f -> assertEquals(List.of(2L, 1L, 1L, 1L), f.counts()));
        assertEquals(List.of(0L, 0L, 0L, 0L), funnel.incomplete(), "both windows closed long ago");

        Funnel wider = awaitLifecycle(community, owner, Map.of("windowDays", 16),
                f -> assertEquals(List.of(2L, 2L, 1L, 1L), f.counts()));
        assertEquals(16, wider.json().get("windowDays").asInt());
        assertEquals(List.of(0.0, (3600.0 + 15 * 86400.0) / 2, 7200.0, 10800.0), wider.meanSeconds());
    }

    @Test
    void recentJoinerWithoutConversionIsIncompleteNotDropped() {
        joined(community, "dropped-" + UUID.randomUUID(), NOW.minus(DAY.multipliedBy(20)));
        joined(community, "recent-" + UUID.randomUUID(), NOW.minus(HOUR));
        String poster = "recent-poster-" + UUID.randomUUID();
        joined(community, poster, NOW.minus(HOUR.multipliedBy(2)));
        posted(community, poster, NOW.minus(HOUR));

        Funnel funnel = awaitLifecycle(community, owner, Map.of(),
                f -> assertEquals(List.of(3L, 1L, 0L, 0L), f.counts()));
        assertEquals(List.of(0L, 1L, 2L, 2L), funnel.incomplete());
        assertEquals(List.of(1.0, 1.0 / 3, 0.0, 0.0), funnel.fromPrevious());
    }

    @Test
    void memberWhoLeftAndRejoinedCountsOnceFromTheirFirstJoin() {
        Instant t = NOW.minus(DAY.multipliedBy(6));
        String person = "returning-" + UUID.randomUUID();
        joined(community, person, t);
        left(community, person, t.plus(HOUR));
        joined(community, person, t.plus(DAY));
        posted(community, person, t.plus(DAY).plus(HOUR));

        Funnel funnel = awaitLifecycle(community, owner, Map.of(),
                f -> assertEquals(List.of(1L, 1L, 0L, 0L), f.counts()));
        assertEquals(Arrays.asList(0.0, 90000.0, null, null), funnel.medianSeconds());
    }

    @Test
    void eventsCountAtTheirEventTimeWhateverOrderTheyArriveIn() {
        Instant t = NOW.minus(DAY.multipliedBy(4));
        String person = "late-" + UUID.randomUUID();
        paid(community, person, t.plus(HOUR.multipliedBy(3)));
        checkedIn(community, person, t.plus(HOUR.multipliedBy(2)));
        posted(community, person, t.plus(HOUR));
        joined(community, person, t);

        Funnel funnel = awaitLifecycle(community, owner, Map.of(),
                f -> assertEquals(List.of(1L, 1L, 1L, 1L), f.counts()));
        assertEquals(List.of(0.0, 3600.0, 7200.0, 10800.0), funnel.medianSeconds());
    }

    @Test
    void periodOfIsoDatesCoversWholeUtcDaysAndDefaultsToTheLastThirtyDays() {
        Instant octoberFirst = Instant.parse("2026-10-01T00:00:00Z");
        joined(community, "before-" + UUID.randomUUID(), octoberFirst.minusSeconds(1));
        joined(community, "after-" + UUID.randomUUID(), Instant.parse("2026-10-03T00:00:00Z"));
        joined(community, "first-second-" + UUID.randomUUID(), octoberFirst);
        joined(community, "last-second-" + UUID.randomUUID(), Instant.parse("2026-10-02T23:59:59Z"));

        Funnel instants = awaitLifecycle(community, owner,
                Map.of("from", "2026-09-30T23:59:59Z", "to", "2026-10-03T00:00:00Z"),
                f -> assertEquals(4L, f.counts().get(0)));
        assertEquals("2026-09-30T23:59:59Z", instants.json().get("from").asText());

        // All four October joins are applied now.
        Funnel days = lifecycleNow(Map.of("from", "2026-10-01", "to", "2026-10-02"));
        assertEquals(List.of(2L, 0L, 0L, 0L), days.counts());
        assertEquals("2026-10-01T00:00:00Z", days.json().get("from").asText());
        assertEquals("2026-10-02T23:59:59.999999Z", days.json().get("to").asText());

        // The older one is published before the recent one: once the recent one counts, the older was applied.
        joined(community, "too-old-for-default-" + UUID.randomUUID(), NOW.minus(DAY.multipliedBy(31)));
        joined(community, "recent-" + UUID.randomUUID(), NOW.minus(DAY.multipliedBy(29)));
        Funnel recent = awaitLifecycle(community, owner, Map.of(), f -> assertEquals(1L, f.counts().get(0)));
        Instant to = Instant.parse(recent.json().get("to").asText());
        Instant from = Instant.parse(recent.json().get("from").asText());
        assertEquals(Duration.ofDays(30), Duration.between(from, to));
        assertTrue(Duration.between(to, Instant.now()).abs().compareTo(Duration.ofMinutes(1)) < 0, "to is now");
    }

    private Funnel lifecycleNow(Map<String, ?> params) {
        return awaitLifecycle(community, owner, params, f -> { });
    }
}
