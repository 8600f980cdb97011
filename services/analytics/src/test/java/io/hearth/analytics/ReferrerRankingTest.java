package io.hearth.analytics;

import static io.hearth.analytics.AnalyticsApi.awaitReferrers;
import static io.hearth.analytics.AnalyticsApi.checkedIn;
import static io.hearth.analytics.AnalyticsApi.communityOwnedBy;
import static io.hearth.analytics.AnalyticsApi.joinedThrough;
import static io.hearth.analytics.AnalyticsApi.left;
import static io.hearth.analytics.AnalyticsApi.opened;
import static io.hearth.analytics.AnalyticsApi.paid;
import static io.hearth.analytics.AnalyticsApi.posted;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.hearth.analytics.AnalyticsApi.Entry;
import io.hearth.contracts.events.CommunityRole;
import io.hearth.testing.HearthTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The referrer ranking against a scenario computed by hand. */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class ReferrerRankingTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);

    /*
     * T = now - 40 days, period [T - 1d, now]; D(n) = noon of the UTC day n days after T's day (day 30 = D(30)).
     *
     * | invitee | first touch / join                              | active                | paid  | counts for          |
     * |---------|-------------------------------------------------|-----------------------|-------|---------------------|
     * | a1      | opened R1's referral T-1h anonymously, joined T | post T+1d, D(30)      | T+2d  | R1: act, day 30, paid|
     * | a2      | joined T through R1's entry, no opening         | D(31) (not day 30)    |       | R1                  |
     * | a3      | joined T through R1's entry                     | post T+8d, D(29)      |       | R1 (8d: too late)   |
     * | a4      | joined T through R1's entry                     |                       |       | R1                  |
     * | b1, b2  | joined T through R2's entry                     | post T+1h each        | b1 T+3d| R2: act 2, paid 1  |
     * | b3      | joined now-2d through R2's entry                |                       |       | R2: both incomplete |
     * | c1, c2  | joined T through R3's entry                     | c1 post T+1h          |       | R3: act 1           |
     * | d1, d2  | joined T through R4's entry                     | d1 post T+1h          |       | R4: act 1           |
     * | e1      | opened an invite link T-2d, joined T via R1     |                       |       | nobody: first touch |
     * |         |                                                 |                       |       | is the invite link  |
     * | f1      | joined T-5d via R1, left T-4d, rejoined T via R1|                       |       | nobody: first join  |
     * |         |                                                 |                       |       | before the period   |
     * | admin   | joined T via R1's entry as ADMIN                | post T+1h             |       | nobody: staff       |
     *
     * referrer | invitees | activated | rate | act. incomplete | retained d30 | ret. incomplete | ret. rate | paid | paid rate
     * R2       | 3        | 2         | 2/3  | 1               | 0            | 1               | 0/2       | 1    | 1/3
     * R3       | 2        | 1         | 1/2  | 0               | 0            | 0               | 0         | 0    | 0
     * R4       | 2        | 1         | 1/2  | 0               | 0            | 0               | 0         | 0    | 0
     * R1       | 4        | 1         | 1/4  | 0               | 1            | 0               | 1/4       | 1    | 1/4
     * Order: activated, then rate, then id: R2, R3 (= R4 but its id sorts first), R4, R1; R1 brought the most people
     * and ranks last.
     */
    @Test
    void referrersRankByActivatedInviteesThenRateNeverByHowManyTheyBrought() {
        String owner = "owner-" + UUID.randomUUID();
        String community = communityOwnedBy(owner);
        Instant t = NOW.minus(DAY.multipliedBy(40));
        Instant dayOfT = t.truncatedTo(ChronoUnit.DAYS);
        String r1 = "ref-a-" + UUID.randomUUID();
        String r2 = "ref-b-" + UUID.randomUUID();
        String r3 = "ref-c-" + UUID.randomUUID();
        String r4 = "ref-d-" + UUID.randomUUID();
        Entry viaR1 = Entry.referral(r1);
        Entry viaR2 = Entry.referral(r2);
        Entry viaR3 = Entry.referral(r3);
        Entry viaR4 = Entry.referral(r4);
        String a1 = "a1-" + UUID.randomUUID();
        String a2 = "a2-" + UUID.randomUUID();
        String a3 = "a3-" + UUID.randomUUID();
        String b1 = "b1-" + UUID.randomUUID();
        String b2 = "b2-" + UUID.randomUUID();
        String c1 = "c1-" + UUID.randomUUID();
        String d1 = "d1-" + UUID.randomUUID();
        String e1 = "e1-" + UUID.randomUUID();
        String f1 = "f1-" + UUID.randomUUID();
        String admin = "admin-" + UUID.randomUUID();

        // Per topic, what must not count first: once what counts shows, the rest was applied.
        joinedThrough(community, admin, CommunityRole.ADMIN, viaR1, null, t);
        joinedThrough(community, f1, viaR1, null, t.minus(DAY.multipliedBy(5)));
        left(community, f1, t.minus(DAY.multipliedBy(4)));
        joinedThrough(community, f1, viaR1, null, t);
        opened(community, Entry.inviteLink("poster"), "ve1-" + e1, null, t.minus(DAY.multipliedBy(2)));
        joinedThrough(community, e1, viaR1, "ve1-" + e1, t);
        opened(community, viaR1, "va1-" + a1, null, t.minus(HOUR));
        joinedThrough(community, a1, viaR1, "va1-" + a1, t);
        joinedThrough(community, a2, viaR1, null, t);
        joinedThrough(community, a3, viaR1, null, t);
        joinedThrough(community, "a4-" + UUID.randomUUID(), viaR1, null, t);
        joinedThrough(community, b1, viaR2, null, t);
        joinedThrough(community, b2, viaR2, null, t);
        joinedThrough(community, "b3-" + UUID.randomUUID(), viaR2, null, NOW.minus(DAY.multipliedBy(2)));
        joinedThrough(community, c1, viaR3, null, t);
        joinedThrough(community, "c2-" + UUID.randomUUID(), viaR3, null, t);
        joinedThrough(community, d1, viaR4, null, t);
        joinedThrough(community, "d2-" + UUID.randomUUID(), viaR4, null, t);

        posted(community, admin, t.plus(HOUR));
        posted(community, e1, t.plus(HOUR));
        posted(community, f1, t.plus(HOUR));
        posted(community, a3, t.plus(DAY.multipliedBy(8)));
        posted(community, a1, t.plus(DAY));
        posted(community, b1, t.plus(HOUR));
        posted(community, b2, t.plus(HOUR));
        posted(community, c1, t.plus(HOUR));
        posted(community, d1, t.plus(HOUR));

        checkedIn(community, a3, noonOf(dayOfT, 29));
        checkedIn(community, a2, noonOf(dayOfT, 31));
        checkedIn(community, a1, noonOf(dayOfT, 30));
        paid(community, a1, t.plus(DAY.multipliedBy(2)));
        paid(community, b1, t.plus(DAY.multipliedBy(3)));

        Map<String, Object> period = Map.of("from", t.minus(DAY).toString(), "to", NOW.toString());
        JsonNode ranking = awaitReferrers(community, owner, period, r -> {
            assertEquals(List.of(r2, r3, r4, r1), ids(r));
            assertEquals(List.of(3L, 2L, 2L, 4L), column(r, "invitees"));
            assertEquals(List.of(2L, 1L, 1L, 1L), column(r, "activated"));
            assertEquals(List.of(0L, 0L, 0L, 1L), column(r, "retainedDay30"));
            assertEquals(List.of(1L, 0L, 0L, 1L), column(r, "paid"));
        });
        assertEquals(List.of(2.0 / 3, 0.5, 0.5, 0.25), rates(ranking, "activationRate"));
        assertEquals(List.of(1L, 0L, 0L, 0L), column(ranking, "activationIncomplete"));
        assertEquals(List.of(1L, 0L, 0L, 0L), column(ranking, "retentionIncomplete"));
        assertEquals(List.of(0.0, 0.0, 0.0, 0.25), rates(ranking, "retentionRateDay30"));
        assertEquals(List.of(1.0 / 3, 0.0, 0.0, 0.25), rates(ranking, "paidRate"));
        assertEquals(7, ranking.get("activationDays").asInt());
        assertEquals(30, ranking.get("retentionDay").asInt());
        assertEquals(community, ranking.get("communityId").asText());

        // A later period holds only b3's first join.
        JsonNode later = awaitReferrers(community, owner, Map.of("from", t.plus(DAY).toString()), r -> { });
        assertEquals(List.of(r2), ids(later));
        assertEquals(List.of(1L), column(later, "invitees"));
        assertEquals(List.of(0.0), rates(later, "activationRate"));
    }

    private static Instant noonOf(Instant day, int daysAfter) {
        return day.plus(DAY.multipliedBy(daysAfter)).plus(HOUR.multipliedBy(12));
    }

    private static List<String> ids(JsonNode ranking) {
        List<String> ids = new ArrayList<>();
        ranking.get("referrers").forEach(r -> ids.add(r.get("referrerId").asText()));
        return ids;
    }

    private static List<Long> column(JsonNode ranking, String field) {
        List<Long> values = new ArrayList<>();
        ranking.get("referrers").forEach(r -> values.add(r.get(field).asLong()));
        return values;
    }

    private static List<Double> rates(JsonNode ranking, String field) {
        List<Double> values = new ArrayList<>();
        ranking.get("referrers").forEach(r -> values.add(r.get(field).asDouble()));
        return values;
    }
}
