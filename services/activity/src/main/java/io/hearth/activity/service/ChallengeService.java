package io.hearth.activity.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.activity.domain.Challenge;
import io.hearth.activity.mapping.ChallengeDetailView;
import io.hearth.activity.mapping.ChallengeProgressView;
import io.hearth.activity.mapping.ChallengeView;
import io.hearth.activity.mapping.CreateChallengeRequest;
import io.hearth.activity.mapping.LeaderboardEntryView;
import io.hearth.activity.repository.ChallengeParticipantRepository;
import io.hearth.activity.repository.ChallengeParticipantRepository.Completion;
import io.hearth.activity.repository.ChallengeRepository;
import io.hearth.contracts.events.ChallengeCompleted;
import io.hearth.contracts.events.ChallengeCreated;
import io.hearth.contracts.events.ChallengeJoined;
import io.hearth.platform.access.CommunityAccess;
import io.hearth.platform.access.CommunityCalendar;
import io.hearth.platform.idempotency.IdempotencyKeys;
import io.hearth.platform.outbox.Outbox;
import io.hearth.platform.rest.Page;
import io.hearth.platform.rest.Problem;
import io.hearth.platform.rest.ProblemException;
import io.hearth.platform.rest.ProblemType;
import io.hearth.platform.rest.Problems;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Challenges: staff set one (check in on goal of its days), members join, and every check-in on its days counts
 * toward it, those made before joining included. Reaching the goal completes a participation once: the transaction
 * that reaches it (the check-in's, or the join's when earlier check-ins already reach it) sets completed_at where it
 * is still null and publishes hearth.challenge.completed.
 */
@ApplicationScoped
public class ChallengeService {
    private static final int MAX_DAYS = 366;

    private final ChallengeRepository challenges;
    private final ChallengeParticipantRepository participants;
    private final CommunityAccess access;
    private final CommunityCalendar calendar;
    private final IdempotencyKeys idempotency;
    private final Outbox outbox;
    private final Clock clock;

    public ChallengeService(ChallengeRepository challenges, ChallengeParticipantRepository participants,
            CommunityAccess access, CommunityCalendar calendar, IdempotencyKeys idempotency, Outbox outbox,
            Clock clock) {
        this.challenges = challenges;
        this.participants = participants;
        this.access = access;
        this.calendar = calendar;
        this.idempotency = idempotency;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A join's outcome: the caller's progress, and whether this request joined them (false: they had already). */
    public record Joined(ChallengeProgressView progress, boolean joinedNow) {
    }

    /** Staff who are not muted create a challenge; it and hearth.challenge.created commit together. */
    @WithTransaction
    public Uni<IdempotencyKeys.Outcome<ChallengeView>> create(UUID communityId, CreateChallengeRequest request,
            String callerId, String idempotencyKey) {
        return access.requireWriter(communityId.toString(), callerId, CommunityAccess.STAFF)
                .chain(() -> idempotency.once("create-challenge:" + communityId, callerId, idempotencyKey, request,
                        () -> insert(communityId, request, callerId), view -> view.id().toString(),
                        id -> challenges.findInCommunity(communityId, UUID.fromString(id)).map(ChallengeView::of)));
    }

    private Uni<ChallengeView> insert(UUID communityId, CreateChallengeRequest request, String callerId) {
        Instant now = clock.instant();
        return calendar.zoneOf(communityId.toString()).chain(zone -> {
            check(request, LocalDate.ofInstant(now, zone), zone);
            Challenge c = new Challenge();
            c.communityId = communityId;
            c.id = UUID.randomUUID();
            c.name = request.name().strip();
            c.startsOn = request.startsOn();
            c.days = request.days();
            c.goal = request.goal();
            c.endsOn = c.startsOn.plusDays(c.days - 1L);
            c.createdBy = callerId;
            c.createdAt = now;
            return challenges.persist(c)
                    .call(saved -> outbox.record(new ChallengeCreated(communityId.toString(), c.id.toString(), c.name,
                            c.startsOn, c.days, c.goal, callerId), now))
                    .map(ChallengeView::of);
        });
    }

    /** 1 <= goal <= days <= 366, starting today or later in the community's zone; 422 naming each field otherwise. */
    private static void check(CreateChallengeRequest request, LocalDate today, ZoneId zone) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (request.days() < 1 || request.days() > MAX_DAYS) {
            violations.add(new Problem.Violation("days", "must be 1 to " + MAX_DAYS));
        }
        if (request.goal() < 1 || request.goal() > request.days()) {
            violations.add(new Problem.Violation("goal", "must be 1 to days (" + request.days() + ")"));
        }
        if (request.startsOn().isBefore(today)) {
            violations.add(new Problem.Violation("startsOn", "is before today, " + today + " in the community's "
                    + "time zone (" + zone.getId() + ")"));
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.CHALLENGE_INVALID, "This challenge is not possible: "
                    + String.join("; ", violations.stream().map(v -> v.field() + " " + v.message()).toList()) + ".",
                    violations);
        }
    }

    /** The community's challenges for its members, latest start first. */
    @WithSession
    public Uni<Page<ChallengeView>> list(UUID communityId, String callerId, String after, int limit) {
        return Uni.createFrom().item(() -> Cursor.parse(after))
                .call(() -> access.require(communityId.toString(), callerId, CommunityAccess.ANY_MEMBER))
                .chain(cursor -> challenges.page(communityId, cursor.startsOn(), cursor.id(), limit + 1))
                .map(rows -> Page.of(rows, limit, c -> c.startsOn + "~" + c.id, ChallengeView::of));
    }

    /**
     * A member who is not muted joins, until the challenge's last day is over. Their check-ins already on its days
     * count; if they reach the goal, the join completes the challenge too. A repeat join changes nothing.
     */
    @WithTransaction
    public Uni<Joined> join(UUID communityId, UUID challengeId, String userId) {
        return access.requireWriter(communityId.toString(), userId, CommunityAccess.ANY_MEMBER)
                .chain(() -> existing(communityId, challengeId))
                .chain(challenge -> participants.findParticipant(communityId, challengeId, userId).chain(found -> {
                    if (found != null) {
                        return Uni.createFrom().item(new Joined(ChallengeProgressView.of(challenge, found), false));
                    }
                    Instant now = clock.instant();
                    return calendar.dayOf(communityId.toString(), now).chain(today -> {
                        if (today.isAfter(challenge.endsOn)) {
                            throw Problems.of(ProblemType.CHALLENGE_ENDED, "Challenge " + challengeId + " ended on "
                                    + challenge.endsOn + "; today is " + today + " in the community's time zone.");
                        }
                        // Every lock and row write before the outbox's community lock, as a check-in takes them.
                        return participants.lockMember(communityId, userId)
                                .chain(() -> participants.joinIfAbsent(communityId, challengeId, userId,
                                        challenge.startsOn, challenge.endsOn, now))
                                .chain(joinedNow -> participants.completeReached(communityId, userId, now)
                                        .call(() -> joinedNow ? outbox.record(new ChallengeJoined(
                                                communityId.toString(), challengeId.toString(), userId), now)
                                                : Uni.createFrom().voidItem())
                                        .call(completions -> publish(communityId, userId, completions, now))
                                        .chain(() -> participants.findParticipant(communityId, challengeId, userId))
                                        .map(p -> new Joined(ChallengeProgressView.of(challenge, p), joinedNow)));
                    });
                }));
    }

    /**
     * Counts a new check-in of {@code day} in the member's challenges that include it, and completes those it brings
     * to their goal; runs in the check-in's transaction, after its row is written and before its event is recorded.
     * Returns the completions, for the caller to publish after its own event.
     */
    public Uni<List<Completion>> countCheckIn(UUID communityId, String userId, LocalDate day, Instant at) {
        return participants.lockMember(communityId, userId)
                .chain(() -> participants.countCheckIn(communityId, userId, day))
                .chain(counted -> counted == 0 ? Uni.createFrom().item(List.<Completion> of())
                        : participants.completeReached(communityId, userId, at));
    }

    /** Records hearth.challenge.completed for each participation the transaction completed. */
    public Uni<Void> publish(UUID communityId, String userId, List<Completion> completions, Instant at) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Completion done : completions) {
            chain = chain.chain(() -> outbox.record(new ChallengeCompleted(communityId.toString(),
                    done.challengeId().toString(), userId, done.checkIns()), at));
        }
        return chain;
    }

    /** The challenge, the caller's progress if they joined, and the first {@code limit} of its leaderboard. */
    @WithSession
    public Uni<ChallengeDetailView> get(UUID communityId, UUID challengeId, String callerId, int limit) {
        return access.require(communityId.toString(), callerId, CommunityAccess.ANY_MEMBER)
                .chain(() -> existing(communityId, challengeId))
                .chain(challenge -> participants.countParticipants(communityId, challengeId)
                        .chain(count -> participants.countCompleted(communityId, challengeId)
                                .chain(completions -> participants.findParticipant(communityId, challengeId, callerId)
                                        .chain(mine -> participants.leaderboard(communityId, challengeId, limit)
                                                .map(board -> new ChallengeDetailView(ChallengeView.of(challenge),
                                                        count, completions,
                                                        mine == null ? null : ChallengeProgressView.of(challenge, mine),
                                                        IntStream.range(0, board.size())
                                                                .mapToObj(i -> LeaderboardEntryView.of(i + 1,
                                                                        board.get(i)))
                                                                .toList()))))));
    }

    private Uni<Challenge> existing(UUID communityId, UUID challengeId) {
        return challenges.findInCommunity(communityId, challengeId)
                .onItem().ifNull().failWith(() -> Problems.notFound("No challenge " + challengeId + " in community "
                        + communityId + "."));
    }

    /** Where a page of the list ends: the last challenge's first day and id, as "2026-12-01~&lt;uuid&gt;". */
    private record Cursor(LocalDate startsOn, UUID id) {
        static Cursor parse(String after) {
            if (after == null || after.isBlank()) {
                return new Cursor(null, null);
            }
            int sep = after.indexOf('~');
            try {
                return new Cursor(LocalDate.parse(after.substring(0, sep)), UUID.fromString(after.substring(sep + 1)));
            } catch (RuntimeException e) {
                throw Problems.invalidField("after", "is not a cursor this list returned");
            }
        }
    }
}
