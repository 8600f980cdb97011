package io.hearth.activity.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.activity.domain.CheckIn;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CheckInRepository implements PanacheRepositoryBase<CheckIn, CheckIn.Key> {
    /**
     * Writes the day's check-in unless there is one, continuing the streak of the day before. A concurrent insert of
     * the same day waits for the other transaction and then does nothing, so the row count tells who counted.
     */
    private static final String INSERT_IF_ABSENT = "insert into check_in"
            + " (community_id, user_id, day, streak, checked_in_at)"
            + " values (:community, :user, :day, 1 + coalesce((select p.streak from check_in p"
            + " where p.community_id = :community and p.user_id = :user and p.day = :previousDay), 0), :at)"
            + " on conflict (community_id, user_id, day) do nothing";

    /** Inserts the check-in of {@code day}; true if it is new, false if that day was already checked in. */
    public Uni<Boolean> insertIfAbsent(UUID communityId, String userId, LocalDate day, Instant at) {
        return getSession().chain(s -> s.createNativeQuery(INSERT_IF_ABSENT)
                .setParameter("community", communityId)
                .setParameter("user", userId)
                .setParameter("day", day)
                .setParameter("previousDay", day.minusDays(1))
                .setParameter("at", at)
                .executeUpdate())
                .map(rows -> rows == 1);
    }

    public Uni<CheckIn> findDay(UUID communityId, String userId, LocalDate day) {
        return findById(new CheckIn.Key(communityId, userId, day));
    }

    public Uni<CheckInTotals> totals(UUID communityId, String userId) {
        return getSession().chain(s -> s.createSelectionQuery("select new " + CheckInTotals.class.getName()
                + "(count(c), max(c.streak), max(c.day)) from CheckIn c"
                + " where c.communityId = :community and c.userId = :user", CheckInTotals.class)
                .setParameter("community", communityId)
                .setParameter("user", userId)
                .getSingleResult());
    }

    /**
     * Up to {@code limit} check-ins of the community's {@code day} in the order they came (then by user id), after
     * the one recorded at {@code afterAt} by {@code afterUser}; from the first when those are null.
     */
    public Uni<List<CheckIn>> dayPage(UUID communityId, LocalDate day, Instant afterAt, String afterUser, int limit) {
        Parameters params = Parameters.with("community", communityId).and("day", day);
        String after = "";
        if (afterAt != null) {
            after = " and (checkedInAt > :at or (checkedInAt = :at and userId > :user))";
            params = params.and("at", afterAt).and("user", afterUser);
        }
        return find("communityId = :community and day = :day" + after + " order by checkedInAt, userId", params)
                .range(0, limit - 1).list();
    }
}
