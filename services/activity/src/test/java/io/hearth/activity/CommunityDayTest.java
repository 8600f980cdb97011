package io.hearth.activity;

import static io.hearth.activity.ActivityApi.checkInEvents;
import static io.hearth.testing.Requests.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.hearth.contracts.events.CheckInRecorded;
import io.hearth.contracts.events.CommunityRole;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The check-in day and the streak follow the community's time zone, which activity learns from membership's
 * hearth.community.created and -updated on the real broker: across midnight in a zone ahead of UTC and one behind it.
 */
@QuarkusTest
@WithTestResource(HearthTestResource.class)
class CommunityDayTest {
    /** A winter day, so that Los Angeles is UTC-8 and Shanghai UTC+8 (Shanghai has no daylight saving time). */
    private static final LocalDate D = LocalDate.of(2031, 1, 15);

    @Inject
    MovableClock clock;

    @AfterEach
    void releaseTheClock() {
        clock.reset();
    }

    @Test
    void inAZoneAheadOfUtcLateEveningUtcIsAlreadyTomorrow() {
        String community = UUID.randomUUID().toString();
        String member = "member-" + UUID.randomUUID();
        ActivityApi.created(community, "owner-" + UUID.randomUUID(), "Asia/Shanghai");
        ActivityApi.join(community, member, CommunityRole.MEMBER);

        // 23:30 UTC on D is 07:30 on D+1 in Shanghai.
        checkIn(community, member, "2031-01-15T23:30:00Z", 201, D.plusDays(1), 1);
        // 15:00 UTC on D+1 is 23:00 the same Shanghai day: already checked in.
        checkIn(community, member, "2031-01-16T15:00:00Z", 200, D.plusDays(1), 1);
        // 16:30 UTC on D+1 is 00:30 on D+2 in Shanghai: the next day, the streak goes on.
        checkIn(community, member, "2031-01-16T16:30:00Z", 201, D.plusDays(2), 2);
        streak(community, member, "2031-01-16T17:00:00Z", 2, true, D.plusDays(2));
        // 15:00 UTC on D+2 is 23:00 on D+2 in Shanghai: today is checked in, though in UTC it would be "tomorrow".
        streak(community, member, "2031-01-17T15:00:00Z", 2, true, D.plusDays(2));
        // 16:30 UTC on D+3 is 00:30 on D+4 in Shanghai: D+3 was missed, the streak is over.
        streak(community, member, "2031-01-18T16:30:00Z", 0, false, D.plusDays(2));

        ActivityApi.awaitALaterEvent(community);
        assertEquals(List.of(new CheckInRecorded(community, member, D.plusDays(1), 1),
                new CheckInRecorded(community, member, D.plusDays(2), 2)), checkInEvents(community, member));
    }

    @Test
    void inAZoneBehindUtcEarlyMorningUtcIsStillYesterday() {
        String community = UUID.randomUUID().toString();
        String member = "member-" + UUID.randomUUID();
        ActivityApi.created(community, "owner-" + UUID.randomUUID(), "America/Los_Angeles");
        ActivityApi.join(community, member, CommunityRole.MEMBER);

        // 03:00 UTC on D is 19:00 on D-1 in Los Angeles.
        checkIn(community, member, "2031-01-15T03:00:00Z", 201, D.minusDays(1), 1);
        // 07:59 UTC on D is 23:59 on D-1 there: the same day.
        checkIn(community, member, "2031-01-15T07:59:00Z", 200, D.minusDays(1), 1);
        // 08:00 UTC on D is midnight on D there: the next day.
        checkIn(community, member, "2031-01-15T08:00:00Z", 201, D, 2);
        // 02:00 UTC on D+1 is 18:00 on D there: today is checked in.
        streak(community, member, "2031-01-16T02:00:00Z", 2, true, D);
        // 07:00 UTC on D+2 is 23:00 on D+1 there: D+1 can still extend the streak.
        streak(community, member, "2031-01-17T07:00:00Z", 2, false, D);
        // 08:00 UTC on D+2 is midnight on D+2 there: D+1 was missed.
        streak(community, member, "2031-01-17T08:00:00Z", 0, false, D);

        ActivityApi.awaitALaterEvent(community);
        assertEquals(List.of(new CheckInRecorded(community, member, D.minusDays(1), 1),
                new CheckInRecorded(community, member, D, 2)), checkInEvents(community, member));
    }

    @Test
    void untilAZoneIsSetDaysAreUtcAndAnUpdatedZoneTakesOver() {
        String community = UUID.randomUUID().toString();
        String owner = "owner-" + UUID.randomUUID();
        String member = "member-" + UUID.randomUUID();
        ActivityApi.created(community, owner, null);
        ActivityApi.join(community, member, CommunityRole.MEMBER);

        checkIn(community, member, "2031-01-15T23:30:00Z", 201, D, 1);

        ActivityApi.timeZoneChanged(community, "Asia/Shanghai", owner);
        // 23:45 UTC on D is 07:45 on D+1 in Shanghai: a new day, continuing the streak of D.
        checkIn(community, member, "2031-01-15T23:45:00Z", 201, D.plusDays(1), 2);
    }

    private void checkIn(String community, String member, String at, int status, LocalDate day, int streak) {
        clock.setTo(Instant.parse(at));
        as(TestTokens.member(member)).body("{}").post("/communities/{id}/check-ins", community)
                .then().statusCode(status).body("day", equalTo(day.toString())).body("streak", equalTo(streak))
                .body("counted", equalTo(status == 201));
    }

    private void streak(String community, String member, String at, int current, boolean today, LocalDate last) {
        clock.setTo(Instant.parse(at));
        as(TestTokens.member(member)).get("/communities/{id}/check-ins/me", community)
                .then().statusCode(200).body("currentStreak", equalTo(current)).body("checkedInToday", equalTo(today))
                .body("lastDay", equalTo(last.toString()));
    }
}
