package io.hearth.activity.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.activity.domain.EventRegistration;
import io.hearth.activity.domain.RegistrationStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class EventRegistrationRepository implements PanacheRepositoryBase<EventRegistration, EventRegistration.Key> {
    /** Records attendance unless it is recorded; the row count tells whether this call did. */
    private static final String ATTEND = "update event_registration set attended_at = :at"
            + " where community_id = :community and event_id = :event and user_id = :user"
            + " and status = 'REGISTERED' and attended_at is null";

    public Uni<EventRegistration> findOf(UUID communityId, UUID eventId, String userId) {
        return findById(new EventRegistration.Key(communityId, eventId, userId));
    }

    /** The first on the event's waitlist (lowest seq), or null when nobody waits. */
    public Uni<EventRegistration> firstWaiting(UUID communityId, UUID eventId) {
        return find("communityId = :community and eventId = :event and status = :status order by seq",
                Parameters.with("community", communityId).and("event", eventId)
                        .and("status", RegistrationStatus.WAITLISTED))
                .firstResult();
    }

    /** How many wait before the registration of {@code seq}: its waitlist position is this plus one. */
    public Uni<Long> waitingBefore(UUID communityId, UUID eventId, long seq) {
        return count("communityId = :community and eventId = :event and status = :status and seq < :seq",
                Parameters.with("community", communityId).and("event", eventId)
                        .and("status", RegistrationStatus.WAITLISTED).and("seq", seq));
    }

    /** The event's registrations after {@code afterSeq} in order of registration; one more than {@code limit}. */
    public Uni<List<EventRegistration>> page(UUID communityId, UUID eventId, long afterSeq, int limit) {
        return find("communityId = :community and eventId = :event and seq > :after order by seq",
                Parameters.with("community", communityId).and("event", eventId).and("after", afterSeq))
                .range(0, limit).list();
    }

    /** The user ids holding a place at the event. */
    public Uni<List<String>> registeredUsers(UUID communityId, UUID eventId) {
        return Panache.getSession().chain(s -> s.createSelectionQuery("select r.userId from EventRegistration r"
                + " where r.communityId = :community and r.eventId = :event and r.status = :status order by r.seq",
                String.class)
                .setParameter("community", communityId)
                .setParameter("event", eventId)
                .setParameter("status", RegistrationStatus.REGISTERED)
                .getResultList());
    }

    public Uni<Boolean> deleteOf(UUID communityId, UUID eventId, String userId) {
        return delete("communityId = :community and eventId = :event and userId = :user",
                Parameters.with("community", communityId).and("event", eventId).and("user", userId))
                .map(n -> n > 0);
    }

    /** True if this call recorded the member's attendance, false if it was recorded already (or there is no place). */
    public Uni<Boolean> attend(UUID communityId, UUID eventId, String userId, Instant at) {
        return Panache.getSession().chain(s -> s.createNativeQuery(ATTEND)
                .setParameter("community", communityId)
                .setParameter("event", eventId)
                .setParameter("user", userId)
                .setParameter("at", at)
                .executeUpdate())
                .map(rows -> rows == 1);
    }
}
