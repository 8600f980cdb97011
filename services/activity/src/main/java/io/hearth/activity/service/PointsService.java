package io.hearth.activity.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.activity.domain.PointsAction;
import io.hearth.activity.domain.PointsPeriod;
import io.hearth.activity.domain.PointsSettings;
import io.hearth.activity.mapping.LeaderboardView;
import io.hearth.activity.mapping.MyPointsView;
import io.hearth.activity.mapping.PointsSettingsRequest;
import io.hearth.activity.mapping.PointsSettingsView;
import io.hearth.activity.repository.PointsLedger;
import io.hearth.activity.repository.PointsSettingsRepository;
import io.hearth.platform.access.CommunityAccess;
import io.hearth.platform.rest.Problem;
import io.hearth.platform.rest.ProblemException;
import io.hearth.platform.rest.ProblemType;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Points settings, the leaderboard and a member's own points; bookings are {@link PointsBooking}'s. */
@ApplicationScoped
public class PointsService {
    private final PointsSettingsRepository settings;
    private final PointsLedger ledger;
    private final CommunityAccess access;
    private final Clock clock;

    public PointsService(PointsSettingsRepository settings, PointsLedger ledger, CommunityAccess access, Clock clock) {
        this.settings = settings;
        this.ledger = ledger;
        this.access = access;
        this.clock = clock;
    }

    /** The community's points per action, for its members. */
    @WithSession
    public Uni<PointsSettingsView> settings(UUID communityId, String userId) {
        return access.require(communityId.toString(), userId, CommunityAccess.ANY_MEMBER)
                .chain(() -> settings.of(communityId))
                .map(PointsSettingsView::of);
    }

    /** Staff replace the points per action; absent fields take their defaults; later bookings use them. */
    @WithTransaction
    public Uni<PointsSettingsView> updateSettings(UUID communityId, PointsSettingsRequest request, String userId) {
        return access.require(communityId.toString(), userId, CommunityAccess.STAFF)
                .map(role -> validated(communityId, request, userId))
                .call(settings::save)
                .map(PointsSettingsView::of);
    }

    /** Current members ranked by points in the period, for members. */
    @WithSession
    public Uni<LeaderboardView> leaderboard(UUID communityId, PointsPeriod period, int limit, String userId) {
        Instant since = period.since(clock.instant());
        return access.require(communityId.toString(), userId, CommunityAccess.ANY_MEMBER)
                .chain(() -> ledger.leaderboard(communityId, since, limit))
                .map(standings -> new LeaderboardView(communityId, period.label(), since, standings.stream()
                        .map(s -> new LeaderboardView.Entry(s.rank(), s.userId(), s.points())).toList()));
    }

    /** The caller's points: all time, per period with the rank they hold there, and per action. */
    @WithSession
    public Uni<MyPointsView> mine(UUID communityId, String userId) {
        Instant now = clock.instant();
        return access.require(communityId.toString(), userId, CommunityAccess.ANY_MEMBER)
                .chain(() -> ledger.totals(communityId, userId, PointsPeriod.LAST_7_DAYS.since(now),
                        PointsPeriod.LAST_30_DAYS.since(now)))
                .chain(totals -> periods(communityId, now, List.of(totals.last7Days(), totals.last30Days(),
                        totals.allTime()))
                        .chain(periods -> ledger.breakdown(communityId, userId).map(breakdown -> new MyPointsView(
                                communityId, userId, totals.allTime(), periods.get(2).rank(), periods,
                                breakdown.stream().filter(a -> a.count() > 0 || a.points() != 0)
                                        .sorted(Comparator.comparing(PointsLedger.ActionTotal::action))
                                        .map(a -> new MyPointsView.ActionPoints(a.action(), a.count(), a.points()))
                                        .toList()))));
    }

    /** Each period's points with their rank, one query after another (one session allows one at a time). */
    private Uni<List<MyPointsView.PeriodPoints>> periods(UUID communityId, Instant now, List<Long> points) {
        List<MyPointsView.PeriodPoints> result = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        PointsPeriod[] periods = PointsPeriod.values();
        for (int i = 0; i < periods.length; i++) {
            PointsPeriod period = periods[i];
            long mine = points.get(i);
            chain = chain.chain(() -> (mine > 0 ? ledger.rankOf(communityId, period.since(now), mine)
                    : Uni.createFrom().<Long>nullItem())
                    .invoke(rank -> result.add(new MyPointsView.PeriodPoints(period.label(), mine, rank)))
                    .replaceWithVoid());
        }
        return chain.map(ignored -> result);
    }

    private PointsSettings validated(UUID communityId, PointsSettingsRequest request, String userId) {
        PointsSettings s = new PointsSettings();
        s.communityId = communityId;
        List<Problem.Violation> violations = new ArrayList<>();
        s.post = rate(PointsAction.POST, request.post(), violations);
        s.reply = rate(PointsAction.REPLY, request.reply(), violations);
        s.reactionReceived = rate(PointsAction.REACTION_RECEIVED, request.reactionReceived(), violations);
        s.checkIn = rate(PointsAction.CHECK_IN, request.checkIn(), violations);
        s.attendance = rate(PointsAction.ATTENDANCE, request.attendance(), violations);
        s.acceptedAnswer = rate(PointsAction.ACCEPTED_ANSWER, request.acceptedAnswer(), violations);
        s.challengeCompleted = rate(PointsAction.CHALLENGE_COMPLETED, request.challengeCompleted(), violations);
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.POINTS_OUT_OF_RANGE, "Points per action must be 0 to 1000: "
                    + String.join(", ", violations.stream().map(Problem.Violation::field).toList())
                    + " is not.", violations);
        }
        // As the database keeps it, so that the answer and a later read agree.
        s.updatedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        s.updatedBy = userId;
        return s;
    }

    private static int rate(PointsAction action, Integer value, List<Problem.Violation> violations) {
        if (value == null) {
            return action.defaultPoints();
        }
        if (value < PointsAction.MIN_POINTS || value > PointsAction.MAX_POINTS) {
            violations.add(new Problem.Violation(action.field(), "must be between 0 and 1000"));
        }
        return value;
    }
}
