package io.hearth.membership.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Members' activity as the automatic tags need it: daily counts per person for the last {@link #KEEP_DAYS} UTC days
 * and the time of their latest activity. Writes run in the consumer's transaction (the one that claims the event).
 */
@ApplicationScoped
public class MemberActivityRepository {
    /**
     * Days of counts kept (older ones are purged by {@code ActivityRetention}, not by each write): the 30 key-member
     * reads, and a few more for events that arrive late.
     */
    public static final int KEEP_DAYS = 35;

    private static final String COUNT = """
            insert into member_activity_day (community_id, user_id, day, events) values (:community, :user, :day, 1)
            on conflict (community_id, user_id, day) do update set events = member_activity_day.events + 1
            """;

    // An event that arrives late (older than the latest seen) never moves the last activity back.
    private static final String LAST_ACTIVE = """
            insert into member_activity (community_id, user_id, last_active_at) values (:community, :user, :at)
            on conflict (community_id, user_id) do update
               set last_active_at = greatest(member_activity.last_active_at, excluded.last_active_at)
            """;

    /** Counts one activity event of {@code userId} at event time {@code at}, as of {@code today} (UTC). */
    public Uni<Void> record(UUID communityId, String userId, Instant at, LocalDate today) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        LocalDate oldest = today.minusDays(KEEP_DAYS - 1);
        Uni<Integer> lastActive = update(LAST_ACTIVE, communityId, userId, "at", at.atOffset(ZoneOffset.UTC));
        if (day.isBefore(oldest)) {
            return lastActive.replaceWithVoid();
        }
        return lastActive
                .chain(() -> update(COUNT, communityId, userId, "day", day))
                .replaceWithVoid();
    }

    private static Uni<Integer> update(String sql, UUID communityId, String userId, String name, Object value) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql)
                .setParameter("community", communityId)
                .setParameter("user", userId)
                .setParameter(name, value)
                .executeUpdate());
    }
}
