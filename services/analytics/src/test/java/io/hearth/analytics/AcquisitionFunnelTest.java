package io.hearth.analytics;

import static io.hearth.analytics.AnalyticsApi.awaitAcquisition;
import static io.hearth.analytics.AnalyticsApi.checkedIn;
import static io.hearth.analytics.AnalyticsApi.communityOwnedBy;
import static io.hearth.analytics.AnalyticsApi.joinedThrough;
import static io.hearth.analytics.AnalyticsApi.opened;
import static io.hearth.analytics.AnalyticsApi.posted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.hearth.analytics.AnalyticsApi.Entry;
import io.hearth.analytics.AnalyticsApi.Funnel;
import io.hearth.contracts.events.CommunityRole;
import io.hearth.testing.HearthTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The acquisition funnel against scenarios computed by hand. Events are consumed asynchronously and in publishing
 * order per topic, so each test publishes what must NOT count before what must, on the same topic, and waits for the
 * whole expected answer.
 */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class AcquisitionFunnelTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);

    private String owner;
    private String community;

    @BeforeEach
    void newCommunity() {
        // The owner's own join (OWNER, at now) is in every community here: it is never an acquisition.
        owner = "owner-" + UUID.randomUUID();
        community = communityOwnedBy(owner);
    }

    /*
     * T = now - 20 days; every window (7 days to join, 7 more to activate) closed long ago.
     *
     * | person      | opened                                  | joined                | activity    | opened@ | joined (s) | activated (s) |
     * |-------------|-----------------------------------------|-----------------------|-------------|---------|------------|---------------|
     * | v1 -> u1    | T, visitor v1, poster                   | T+2h carrying v1      | post T+1d   | T       | 7200       | 86400         |
     * | u1 again    | T+2d, visitor v1 (a member by then)     |                       |             | ignored |            |               |
     * | u2 direct   | none                                    | T+1h, no entry        | check-in +3d| T+1h    | 0          | 259200        |
     * | v3 -> u3    | T+3h article, T+5h poster (twice)       | T+1d+3h carrying v3   | none        | T+3h    | 86400      | -             |
     * | v4 -> u4    | T, poster                               | T+8d: outside 7 days  | none        | T       | -          | -             |
     * | v5          | T+2h, R's referral                      | never                 |             | T+2h    | -          | -             |
     * | u6 signed in| T+4h, R's referral, visitor v6, user u6 | T+5h (no visitor id)  | post T+6h   | T+4h    | 3600       | 7200          |
     * | admin       | T, signed in                            | T+1h as ADMIN         | post T+2h   | staff: not counted                     |
     *
     * opened 6; joined 4 = [0, 3600, 7200, 86400] -> median 5400, mean 24300; activated 3 = [7200, 86400, 259200]
     * -> median 86400, mean 117600. From previous: 1, 4/6, 3/4; from first: 1, 4/6, 3/6.
     * By source (first touch): none {v5, u6} 2/1/1; poster {u1, u4} 2/1/1; article {u3} 1/1/0; direct {u2} 1/1/1.
     * By referrer: none {u1, u3, u4} 3/2/1; R {v5, u6} 2/1/1; direct {u2} 1/1/1.
     * By channel: INVITE_LINK {u1, u3, u4} 3/2/1; REFERRAL {v5, u6} 2/1/1; direct {u2} 1/1/1.
     * With windowDays=9, u4's join (8 days after opening) converts too: joined 5.
     */
    @Test
    void scenarioOfOpenersDirectJoinsRepeatOpeningsAndLateJoinsAddsUpByHand() {
        Instant t = NOW.minus(DAY.multipliedBy(20));
        String referrer = "referrer-" + UUID.randomUUID();
        Entry poster = Entry.inviteLink("poster");
        Entry article = Entry.inviteLink("article");
        Entry referral = Entry.referral(referrer);
        String v1 = "v1-" + UUID.randomUUID();
        String u1 = "u1-" + UUID.randomUUID();
        String u2 = "u2-" + UUID.randomUUID();
        String v3 = "v3-" + UUID.randomUUID();
        String u3 = "u3-" + UUID.randomUUID();
        String v4 = "v4-" + UUID.randomUUID();
        String u4 = "u4-" + UUID.randomUUID();
        String v5 = "v5-" + UUID.randomUUID();
        String v6 = "v6-" + UUID.randomUUID();
        String u6 = "u6-" + UUID.randomUUID();
        String admin = "admin-" + UUID.randomUUID();

        // Membership topic, what must not count first: staff, the late join, the member's repeat opening.
        opened(community, poster, "va-" + UUID.randomUUID(), admin, t);
        joinedThrough(community, admin, CommunityRole.ADMIN, poster, null, t.plus(HOUR));
        opened(community, poster, v4, null, t);
        joinedThrough(community, u4, poster, v4, t.plus(DAY.multipliedBy(8)));
        opened(community, poster, v1, null, t.plus(DAY.multipliedBy(2)));
        opened(community, poster, v1, null, t);
        joinedThrough(community, u1, poster, v1, t.plus(HOUR.multipliedBy(2)));
        joinedThrough(community, u2, null, null, t.plus(HOUR));
        opened(community, article, v3, null, t.plus(HOUR.multipliedBy(3)));
        opened(community, poster, v3, null, t.plus(HOUR.multipliedBy(5)));
        joinedThrough(community, u3, article, v3, t.plus(DAY).plus(HOUR.multipliedBy(3)));
        opened(community, referral, v5, null, t.plus(HOUR.multipliedBy(2)));
        opened(community, referral, v6, u6, t.plus(HOUR.multipliedBy(4)));
        joinedThrough(community, u6, referral, null, t.plus(HOUR.multipliedBy(5)));
        // Content and activity topics.
        posted(community, admin, t.plus(HOUR.multipliedBy(2)));
        posted(community, u1, t.plus(DAY));
        posted(community, u6, t.plus(HOUR.multipliedBy(6)));
        checkedIn(community, u2, t.plus(HOUR).plus(DAY.multipliedBy(3)));

        Funnel funnel = awaitAcquisition(community, owner, Map.of(), f -> {
            assertEquals(List.of(6L, 4L, 3L), f.counts());
            assertEquals(List.of(0.0, 5400.0, 86400.0), f.medianSeconds());
        });
        assertEquals(List.of("opened", "joined", "activated"), funnel.keys());
        assertEquals(List.of(1.0, 4.0 / 6, 3.0 / 4), funnel.fromPrevious());
        assertEquals(List.of(1.0, 4.0 / 6, 3.0 / 6), funnel.fromFirst());
        assertEquals(List.of(0.0, 24300.0, 117600.0), funnel.meanSeconds());
        assertEquals(List.of(0L, 0L, 0L), funnel.incomplete());
        assertEquals(7, funnel.json().get("windowDays").asInt());
        assertEquals(7, funnel.json().get("activationDays").asInt());
        assertEquals("person", funnel.json().get("countingUnit").asText());
        assertFalse(funnel.json().has("breakdown"));
        assertFalse(funnel.json().has("funnels"));

        Funnel bySource = awaitAcquisition(community, owner, Map.of("breakdown", "source"), f -> { });
        assertEquals("source", bySource.json().get("breakdown").asText());
        assertEquals(List.of(6L, 4L, 3L), bySource.counts(), "the overall funnel stays beside the breakdown");
        assertEquals(List.of("none", "poster", "article", "direct"), bySource.segmentValues());
        assertEquals(List.of(2L, 1L, 1L), bySource.segment("none").counts());
        assertEquals(List.of(0.0, 3600.0, 7200.0), bySource.segment("none").medianSeconds());
        assertEquals(List.of(2L, 1L, 1L), bySource.segment("poster").counts());
        assertEquals(List.of(0.0, 7200.0, 86400.0), bySource.segment("poster").medianSeconds());
        assertEquals(List.of(1L, 1L, 0L), bySource.segment("article").counts());
        assertEquals(Arrays.asList(0.0, 86400.0, null), bySource.segment("article").medianSeconds());
        assertEquals(List.of(1L, 1L, 1L), bySource.segment("direct").counts());
        assertEquals(List.of(0.0, 0.0, 259200.0), bySource.segment("direct").medianSeconds());

        Funnel byReferrer = awaitAcquisition(community, owner, Map.of("breakdown", "referrer"), f -> { });
        assertEquals(List.of("none", referrer, "direct"), byReferrer.segmentValues());
        assertEquals(List.of(3L, 2L, 1L), byReferrer.segment("none").counts());
        assertEquals(List.of(1.0, 2.0 / 3, 1.0 / 2), byReferrer.segment("none").fromPrevious());
        assertEquals(List.of(2L, 1L, 1L), byReferrer.segment(referrer).counts());
        assertEquals(List.of(1.0, 0.5, 0.5), byReferrer.segment(referrer).fromFirst());
        assertEquals(List.of(1L, 1L, 1L), byReferrer.segment("direct").counts());

        Funnel byChannel = awaitAcquisition(community, owner, Map.of("breakdown", "channel"), f -> { });
        assertEquals(List.of("INVITE_LINK", "REFERRAL", "direct"), byChannel.segmentValues());
        assertEquals(List.of(3L, 2L, 1L), byChannel.segment("INVITE_LINK").counts());
        assertEquals(List.of(2L, 1L, 1L), byChannel.segment("REFERRAL").counts());

        Funnel wider = awaitAcquisition(community, owner, Map.of("windowDays", 9), f -> { });
        assertEquals(List.of(6L, 5L, 3L), wider.counts());
        assertEquals(9, wider.json().get("windowDays").asInt());
        // u4 joined 8 days after opening: joined = [0, 3600, 7200, 86400, 691200].
        assertEquals(7200.0, wider.medianSeconds().get(1));
    }

    /*
     * | person   | opened          | joined             | posted  | opened@ | joined (s) | activated (s) |
     * |----------|-----------------|--------------------|---------|---------|------------|---------------|
     * | v1 -> u1 | T0, visitor v1  | T0+2h carrying v1  | T0+1d   | T0      | 7200       | 86400         |
     */
    @Test
    void anonymousOpenerWhoJoinsLaterIsOnePersonThroughEveryStep() {
        Instant t0 = NOW.minus(DAY.multipliedBy(3));
        String visitor = "v1-" + UUID.randomUUID();
        String person = "u1-" + UUID.randomUUID();
        Entry poster = Entry.inviteLink("poster");
        opened(community, poster, visitor, null, t0);
        joinedThrough(community, person, poster, visitor, t0.plus(HOUR.multipliedBy(2)));
        posted(community, person, t0.plus(DAY));

        Funnel funnel = awaitAcquisition(community, owner, Map.of(), f -> assertEquals(List.of(1L, 1L, 1L),
                f.counts()));
        assertEquals(List.of(0.0, 7200.0, 86400.0), funnel.medianSeconds());
        assertEquals(List.of(0.0, 7200.0, 86400.0), funnel.meanSeconds());
        assertEquals(List.of(1.0, 1.0, 1.0), funnel.fromPrevious());
        assertEquals(List.of(0L, 0L, 0L), funnel.incomplete());
    }

    /*
     * now-relative; windowDays 7, activation 7 days.
     *
     * | person | opened  | joined  | active | joined step            | activated step                         |
     * |--------|---------|---------|--------|------------------------|----------------------------------------|
     * | q1     | now-1d  | -       | -      | incomplete (6d left)   | incomplete (may join, then activate)   |
     * | q2     | now-10d | now-4d  | -      | joined (6d after)      | incomplete (joined 4 days ago)         |
     * | q3     | now-10d | -       | -      | dropped (window over)  | dropped                                |
     * | q4     | now-12d | now-11d | -      | joined                 | dropped (its 7 days are over)          |
     *
     * opened 4, joined 2, activated 0; incomplete 0, 1, 2; from previous 1, 0.5, 0.
     */
    @Test
    void peopleWhoseWindowIsStillOpenAreIncompleteNotDropped() {
        Entry poster = Entry.inviteLink("poster");
        String q2 = "q2-" + UUID.randomUUID();
        String q4 = "q4-" + UUID.randomUUID();
        opened(community, poster, "vq1-" + UUID.randomUUID(), null, NOW.minus(DAY));
        opened(community, poster, "vq2-" + q2, null, NOW.minus(DAY.multipliedBy(10)));
        opened(community, poster, "vq3-" + UUID.randomUUID(), null, NOW.minus(DAY.multipliedBy(10)));
        opened(community, poster, "vq4-" + q4, null, NOW.minus(DAY.multipliedBy(12)));
        joinedThrough(community, q2, poster, "vq2-" + q2, NOW.minus(DAY.multipliedBy(4)));
        joinedThrough(community, q4, poster, "vq4-" + q4, NOW.minus(DAY.multipliedBy(11)));

        Funnel funnel = awaitAcquisition(community, owner, Map.of(), f -> assertEquals(List.of(4L, 2L, 0L),
                f.counts()));
        assertEquals(List.of(0L, 1L, 2L), funnel.incomplete());
        assertEquals(List.of(1.0, 0.5, 0.0), funnel.fromPrevious());
        assertEquals(Arrays.asList(0.0, (6 * 86400.0 + 86400.0) / 2, null), funnel.medianSeconds());
    }

    /*
     * Period [F, now], F = now - 15 days; windowDays 7.
     *
     * | person | touches                                                    | in this period                         |
     * |--------|------------------------------------------------------------|----------------------------------------|
     * | x      | opened F-1d (poster); joined F+1h carrying its visitor     | no: entered at F-1d, before the period |
     * | y      | opened F-2d (poster), opened F+1d (article), joined F+1d+1h| enters F+1d, joined 3600 s; first      |
     * |        |                                                            | touch: poster                          |
     * | z      | joined F+2d, no entry                                      | enters at the join (direct), 0 s       |
     * | m      | joined F-20d; opened signed in F+3d while a member         | no: a member opening is no acquisition |
     *
     * opened 2, joined 2, activated 0; by source: direct {z} 1/1/0, poster {y} 1/1/0 (both 1: by value).
     */
    @Test
    void openingsBeforeFromDoNotEnterButStillAttributeTheFirstTouch() {
        Instant from = NOW.minus(DAY.multipliedBy(15));
        Entry poster = Entry.inviteLink("poster");
        Entry article = Entry.inviteLink("article");
        String x = "x-" + UUID.randomUUID();
        String y = "y-" + UUID.randomUUID();
        String m = "m-" + UUID.randomUUID();
        opened(community, poster, "vx-" + x, null, from.minus(DAY));
        joinedThrough(community, x, poster, "vx-" + x, from.plus(HOUR));
        joinedThrough(community, m, null, null, from.minus(DAY.multipliedBy(20)));
        opened(community, poster, "vm-" + m, m, from.plus(DAY.multipliedBy(3)));
        opened(community, poster, "vy-" + y, null, from.minus(DAY.multipliedBy(2)));
        opened(community, article, "vy-" + y, null, from.plus(DAY));
        joinedThrough(community, y, article, "vy-" + y, from.plus(DAY).plus(HOUR));
        joinedThrough(community, "z-" + UUID.randomUUID(), null, null, from.plus(DAY.multipliedBy(2)));

        Map<String, Object> period = Map.of("from", from.toString(), "to", NOW.toString(), "breakdown", "source");
        Funnel funnel = awaitAcquisition(community, owner, period, f -> {
            assertEquals(List.of(2L, 2L, 0L), f.counts());
            assertEquals(1800.0, f.medianSeconds().get(1));
        });
        assertEquals(List.of("direct", "poster"), funnel.segmentValues());
        assertEquals(Arrays.asList(0.0, 3600.0, null), funnel.segment("poster").medianSeconds());
        assertEquals(Arrays.asList(0.0, 0.0, null), funnel.segment("direct").medianSeconds());
        assertEquals(from.toString(), funnel.json().get("from").asText());
    }

    @Test
    void staffOpeningsAndJoinsAreNoAcquisition() {
        String admin = "admin-" + UUID.randomUUID();
        Entry poster = Entry.inviteLink("poster");
        opened(community, poster, "vo-" + UUID.randomUUID(), owner, NOW.minus(HOUR));
        opened(community, poster, "va-" + admin, null, NOW.minus(HOUR));
        joinedThrough(community, admin, CommunityRole.ADMIN, poster, "va-" + admin, NOW.minus(HOUR));
        posted(community, admin, NOW.minus(HOUR));
        String member = "member-" + UUID.randomUUID();
        joinedThrough(community, member, poster, null, NOW.minus(HOUR));

        Funnel funnel = awaitAcquisition(community, owner, Map.of(), f -> assertEquals(List.of(1L, 1L, 0L),
                f.counts()));
        assertEquals(List.of(0L, 0L, 1L), funnel.incomplete());
    }
}
