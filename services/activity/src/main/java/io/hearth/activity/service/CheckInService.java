package io.hearth.activity.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.activity.domain.CheckIn;
import io.hearth.activity.mapping.CheckInView;
import io.hearth.activity.mapping.DayCheckInView;
import io.hearth.activity.mapping.StreakView;
import io.hearth.activity.repository.CheckInRepository;
import io.hearth.contracts.events.CheckInRecorded;
import io.hearth.platform.access.CommunityAccess;
import io.hearth.platform.access.CommunityCalendar;
import io.hearth.platform.outbox.Outbox;
import io.hearth.platform.rest.Page;
import io.hearth.platform.rest.Problems;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Daily check-ins: one per member per calendar day in the community's time zone (UTC until membership names one),
 * each continuing the streak of the day before.
 */
@ApplicationScoped
public class CheckInService {
    private final CheckInRepository checkIns;
    private final CommunityAccess access;
    private final CommunityCalendar calendar;
    private final ChallengeService challenges;
    private final Outbox outbox;
    private final Clock clock;

    public CheckInService(CheckInRepository checkIns, CommunityAccess access, CommunityCalendar calendar,
            ChallengeService challenges, Outbox outbox, Clock clock) {
        this.checkIns = checkIns;
        this.access = access;
        this.calendar = calendar;
        this.challenges = challenges;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * The caller checks in for today, the community's calendar day at this instant. The first check-in of the day is
     * recorded with its streak, counted in the caller's challenges that include the day (completing those it brings
     * to their goal) and published; a repeat, or the loser of two arriving at once, gets the day's check-in back with
     * {@code counted} false.
     */
    @WithTransaction
    public Uni<CheckInView> checkIn(UUID communityId, String userId) {
        Instant now = clock.instant();
        // A muted member keeps their streak readable but cannot extend it (403 muted, until when).
        return access.requireWriter(communityId.toString(), userId, CommunityAccess.ANY_MEMBER)
                .chain(() -> calendar.dayOf(communityId.toString(), now))
                .chain(today -> checkIns.insertIfAbsent(communityId, userId, today, now)
                        .chain(counted -> checkIns.findDay(communityId, userId, today)
                                .call(day -> counted ? recordCounted(communityId, userId, day.day, day.streak, now)
                                        : Uni.createFrom().voidItem())
                                .map(day -> CheckInView.of(day, counted))));
    }

    /** Challenge counts first, events last: the outbox's community lock is the last lock the transaction takes. */
    private Uni<Void> recordCounted(UUID communityId, String userId, LocalDate day, int streak, Instant at) {
        return challenges.countCheckIn(communityId, userId, day, at)
                .chain(completions -> outbox.record(new CheckInRecorded(communityId.toString(), userId, day, streak),
                        at)
                        .chain(() -> challenges.publish(communityId, userId, completions, at)));
    }

    /** The caller's streaks and totals in the community, for its members. */
    @WithSession
    public Uni<StreakView> streak(UUID communityId, String userId) {
        Instant now = clock.instant();
        return access.require(communityId.toString(), userId, CommunityAccess.ANY_MEMBER)
                .chain(() -> calendar.dayOf(communityId.toString(), now))
                .chain(today -> checkIns.totals(communityId, userId).chain(totals -> {
                    LocalDate last = totals.lastDay();
                    if (last == null || last.isBefore(today.minusDays(1))) {
                        return Uni.createFrom().item(new StreakView(communityId, userId, 0,
                                orZero(totals.longestStreak()), totals.days(), last, false));
                    }
                    return checkIns.findDay(communityId, userId, last).map(lastCheckIn -> new StreakView(communityId,
                            userId, lastCheckIn.streak, orZero(totals.longestStreak()), totals.days(), last,
                            last.equals(today)));
                }));
    }

    /**
     * For staff (muted staff too: reading is not writing): the check-ins of {@code day}, today in the community's
     * time zone when null, in the order they came.
     */
    @WithSession
    public Uni<Page<DayCheckInView>> day(UUID communityId, String callerId, String day, String after, int limit) {
        return Uni.createFrom().item(() -> DayCursor.parse(after))
                .call(() -> access.require(communityId.toString(), callerId, CommunityAccess.STAFF))
                .chain(cursor -> (day == null || day.isBlank()
                        ? calendar.dayOf(communityId.toString(), clock.instant())
                        : Uni.createFrom().item(() -> parseDay(day)))
                        .chain(d -> checkIns.dayPage(communityId, d, cursor.at(), cursor.userId(), limit + 1)))
                .map(rows -> Page.of(rows, limit, DayCursor::of, DayCheckInView::of));
    }

    private static LocalDate parseDay(String day) {
        try {
            return LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw Problems.invalidField("day", "is not a date (YYYY-MM-DD)");
        }
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    /**
     * Where a page of a day's list ends: the last check-in's instant in microseconds since the epoch (the database's
     * precision) and its user id, as "1795328760000000~user".
     */
    private record DayCursor(Instant at, String userId) {
        static String of(CheckIn c) {
            return (c.checkedInAt.getEpochSecond() * 1_000_000L + c.checkedInAt.getNano() / 1_000) + "~" + c.userId;
        }

        static DayCursor parse(String after) {
            if (after == null || after.isBlank()) {
                return new DayCursor(null, null);
            }
            int sep = after.indexOf('~');
            try {
                long micros = Long.parseLong(after.substring(0, sep));
                return new DayCursor(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                        Math.floorMod(micros, 1_000_000L) * 1_000L), after.substring(sep + 1));
            } catch (RuntimeException e) {
                throw Problems.invalidField("after", "is not a cursor this list returned");
            }
        }
    }
}
