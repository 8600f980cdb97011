package io.hearth.activity.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.activity.mapping.CheckInView;
import io.hearth.activity.mapping.StreakView;
import io.hearth.activity.repository.CheckInRepository;
import io.hearth.contracts.events.CheckInRecorded;
import io.hearth.platform.access.CommunityAccess;
import io.hearth.platform.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Daily check-ins: one per member per UTC calendar day, each continuing the streak of the day before. */
@ApplicationScoped
public class CheckInService {
    private final CheckInRepository checkIns;
    private final CommunityAccess access;
    private final Outbox outbox;
    private final Clock clock;

    public CheckInService(CheckInRepository checkIns, CommunityAccess access, Outbox outbox, Clock clock) {
        this.checkIns = checkIns;
        this.access = access;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * The caller checks in for today. The first check-in of the day is recorded with its streak and published; a
     * repeat, or the loser of two arriving at once, gets the day's check-in back with {@code counted} false.
     */
    @WithTransaction
    public Uni<CheckInView> checkIn(UUID communityId, String userId) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        // A muted member keeps their streak readable but cannot extend it (403 muted, until when).
        return access.requireWriter(communityId.toString(), userId, CommunityAccess.ANY_MEMBER)
                .chain(() -> checkIns.insertIfAbsent(communityId, userId, today, now))
                .chain(counted -> checkIns.findDay(communityId, userId, today)
                        .call(day -> counted
                                ? outbox.record(new CheckInRecorded(communityId.toString(), userId, today, day.streak),
                                        day.checkedInAt)
                                : Uni.createFrom().voidItem())
                        .map(day -> CheckInView.of(day, counted)));
    }

    /** The caller's streaks and totals in the community, for its members. */
    @WithSession
    public Uni<StreakView> streak(UUID communityId, String userId) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return access.require(communityId.toString(), userId, CommunityAccess.ANY_MEMBER)
                .chain(() -> checkIns.totals(communityId, userId))
                .chain(totals -> {
                    LocalDate last = totals.lastDay();
                    if (last == null || last.isBefore(today.minusDays(1))) {
                        return Uni.createFrom().item(new StreakView(communityId, userId, 0,
                                orZero(totals.longestStreak()), totals.days(), last, false));
                    }
                    return checkIns.findDay(communityId, userId, last).map(lastCheckIn -> new StreakView(communityId,
                            userId, lastCheckIn.streak, orZero(totals.longestStreak()), totals.days(), last,
                            last.equals(today)));
                });
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
