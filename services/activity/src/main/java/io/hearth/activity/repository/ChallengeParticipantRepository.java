package io.hearth.activity.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.activity.domain.ChallengeParticipant;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ChallengeParticipantRepository
        implements PanacheRepositoryBase<ChallengeParticipant, ChallengeParticipant.Key> {
    /**
     * Serialises, until the transaction ends, a member's check-ins and challenge joins in one community: without it a
     * join counting the check-ins it can see and a check-in raising the counts of the participations it can see could
     * each miss the other's uncommitted row, and the check-in would count for nobody.
     */
    private static final String LOCK_MEMBER = "select count(*) from (select pg_advisory_xact_lock("
            + "hashtextextended(:key, 0))) l";

    /** The join, counting the member's check-ins already on the challenge's days; nothing if they had joined. */
    private static final String JOIN_IF_ABSENT = "insert into challenge_participant"
            + " (community_id, challenge_id, user_id, joined_at, check_ins, completed_at)"
            + " select :community, :challenge, :user, :at, count(*), null from check_in c"
            + " where c.community_id = :community and c.user_id = :user and c.day between :startsOn and :endsOn"
            + " on conflict (community_id, challenge_id, user_id) do nothing";

    /** A new check-in on {@code day} counts once in each of the member's challenges whose days include it. */
    private static final String COUNT_CHECK_IN = "update challenge_participant p set check_ins = p.check_ins + 1"
            + " from challenge c where c.community_id = p.community_id and c.id = p.challenge_id"
            + " and p.community_id = :community and p.user_id = :user"
            + " and c.starts_on <= :day and c.ends_on >= :day";

    /**
     * Marks complete the member's participations that have reached their goal and were not complete yet, and says
     * which: the condition {@code completed_at is null} is re-checked after waiting for any concurrent writer of the
     * row, so only one transaction ever completes a participation.
     */
    private static final String COMPLETE_REACHED = "update challenge_participant p set completed_at = :at"
            + " from challenge c where c.community_id = p.community_id and c.id = p.challenge_id"
            + " and p.community_id = :community and p.user_id = :user"
            + " and p.completed_at is null and p.check_ins >= c.goal"
            + " returning p.challenge_id, p.check_ins";

    /** A participation the current transaction completed: the challenge and the check-ins that reached its goal. */
    public record Completion(UUID challengeId, int checkIns) {
    }

    public Uni<Void> lockMember(UUID communityId, String userId) {
        return getSession().chain(s -> s.createNativeQuery(LOCK_MEMBER)
                .setParameter("key", communityId + ":" + userId)
                .getSingleResult()).replaceWithVoid();
    }

    /** Adds the member to the challenge; true if they joined now, false if they had already. */
    public Uni<Boolean> joinIfAbsent(UUID communityId, UUID challengeId, String userId, LocalDate startsOn,
            LocalDate endsOn, Instant at) {
        return getSession().chain(s -> s.createNativeQuery(JOIN_IF_ABSENT)
                .setParameter("community", communityId)
                .setParameter("challenge", challengeId)
                .setParameter("user", userId)
                .setParameter("startsOn", startsOn)
                .setParameter("endsOn", endsOn)
                .setParameter("at", at)
                .executeUpdate())
                .map(rows -> rows == 1);
    }

    /** Counts the member's new check-in of {@code day} in every challenge of theirs that includes that day. */
    public Uni<Integer> countCheckIn(UUID communityId, String userId, LocalDate day) {
        return getSession().chain(s -> s.createNativeQuery(COUNT_CHECK_IN)
                .setParameter("community", communityId)
                .setParameter("user", userId)
                .setParameter("day", day)
                .executeUpdate());
    }

    /** Completes, at {@code at}, the member's participations that reached their goal; returns those it completed. */
    public Uni<List<Completion>> completeReached(UUID communityId, String userId, Instant at) {
        return getSession().chain(s -> s.createNativeQuery(COMPLETE_REACHED, Object[].class)
                .setParameter("community", communityId)
                .setParameter("user", userId)
                .setParameter("at", at)
                .getResultList())
                .map(rows -> rows.stream()
                        .map(row -> new Completion((UUID) row[0], ((Number) row[1]).intValue())).toList());
    }

    public Uni<ChallengeParticipant> findParticipant(UUID communityId, UUID challengeId, String userId) {
        return findById(new ChallengeParticipant.Key(communityId, challengeId, userId));
    }

    /** The challenge's best {@code limit} participants: most check-ins first, ties by earlier completion. */
    public Uni<List<ChallengeParticipant>> leaderboard(UUID communityId, UUID challengeId, int limit) {
        return find("communityId = :community and challengeId = :challenge"
                + " order by checkIns desc, completedAt asc nulls last, userId",
                Parameters.with("community", communityId).and("challenge", challengeId))
                .range(0, limit - 1).list();
    }

    public Uni<Long> countParticipants(UUID communityId, UUID challengeId) {
        return count("communityId = :community and challengeId = :challenge",
                Parameters.with("community", communityId).and("challenge", challengeId));
    }

    public Uni<Long> countCompleted(UUID communityId, UUID challengeId) {
        return count("communityId = :community and challengeId = :challenge and completedAt is not null",
                Parameters.with("community", communityId).and("challenge", challengeId));
    }
}
