package io.hearth.activity.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.activity.domain.EventReminder;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class EventReminderRepository implements PanacheRepositoryBase<EventReminder, EventReminder.Key> {
    /**
     * Reminders due at {@code now}, earliest first, locked for this transaction; rows another transaction holds (another
     * instance sending them) are skipped rather than waited for.
     */
    private static final String CLAIM_DUE = "select * from event_reminder where due_at <= :now"
            + " order by due_at limit :limit for update skip locked";

    public Uni<List<EventReminder>> claimDue(Instant now, int limit) {
        return Panache.getSession().chain(s -> s.createNativeQuery(CLAIM_DUE, EventReminder.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList());
    }

    public Uni<Long> deleteOne(EventReminder reminder) {
        return delete("communityId = :community and eventId = :event and hoursBefore = :hours",
                Parameters.with("community", reminder.communityId).and("event", reminder.eventId)
                        .and("hours", reminder.hoursBefore));
    }
}
