package io.hearth.activity.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.hearth.activity.config.EventRemindersConfig;
import io.hearth.activity.domain.Event;
import io.hearth.activity.domain.EventReminder;
import io.hearth.activity.repository.EventRegistrationRepository;
import io.hearth.activity.repository.EventReminderRepository;
import io.hearth.activity.repository.EventRepository;
import io.hearth.contracts.events.NoticeIssued;
import io.hearth.platform.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Sends each event's reminders (24 hours and 1 hour before the start) to its registered members' inboxes, as
 * hearth.notice.issued of kind event-reminder. Durable: a reminder to send is a row, so a restart loses none (one that
 * fell due while no instance ran goes at the next tick, unless the event has started by then). Once: every instance
 * runs this, but a row is claimed with {@code for update skip locked} in the transaction that records its notices and
 * deletes it, so two instances never send the same reminder, and a failed transaction sends nothing and leaves it due.
 */
@ApplicationScoped
public class EventReminders {
    private static final Logger LOG = Logger.getLogger(EventReminders.class);
    public static final String REMINDER_NOTICE = "event-reminder";
    private final EventReminderRepository reminders;
    private final EventRepository events;
    private final EventRegistrationRepository registrations;
    private final Outbox outbox;
    private final Clock clock;
    private final int batch;

    public EventReminders(EventReminderRepository reminders, EventRepository events,
            EventRegistrationRepository registrations, Outbox outbox, Clock clock, EventRemindersConfig config) {
        this.batch = config.batch();
        this.reminders = reminders;
        this.events = events;
        this.registrations = registrations;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Scheduled(every = "${hearth.event-reminders.tick:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> tick() {
        return sendDue()
                .onFailure().invoke(e -> LOG.warnf("Sending event reminders failed, will retry: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Sends every reminder due now, a batch per transaction; how many reminders it sent. */
    public Uni<Integer> sendDue() {
        return sendBatch().chain(n -> n < batch ? Uni.createFrom().item(n) : sendDue().map(more -> n + more));
    }

    private Uni<Integer> sendBatch() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> reminders.claimDue(now, batch).chain(rows -> {
            if (rows.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            // The outbox locks each community as it records: in community order, two transactions holding several
            // communities' locks always take them in the same order and cannot deadlock.
            List<EventReminder> inOrder = rows.stream()
                    .sorted(Comparator.comparing((EventReminder r) -> r.communityId)
                            .thenComparing(r -> r.eventId).thenComparing(r -> -r.hoursBefore))
                    .toList();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (EventReminder reminder : inOrder) {
                chain = chain.chain(() -> reminders.deleteOne(reminder))
                        .chain(() -> events.findInCommunity(reminder.communityId, reminder.eventId))
                        .chain(event -> send(reminder, event, now));
            }
            return chain.replaceWith(rows.size());
        }));
    }

    /** The reminder to every member holding a place; none once the event has started (it came too late). */
    private Uni<Void> send(EventReminder reminder, Event event, Instant now) {
        if (event == null || !now.isBefore(event.startsAt)) {
            return Uni.createFrom().voidItem();
        }
        String title = Notices.title("Starts in " + reminder.hoursBefore
                + (reminder.hoursBefore == 1 ? " hour: " : " hours: "), event.title);
        String body = Notices.body(event.title + ": you have a place. " + Notices.when(event));
        return registrations.registeredUsers(event.communityId, event.id).chain(users -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (String user : users) {
                chain = chain.chain(() -> outbox.record(new NoticeIssued(event.communityId.toString(), user,
                        REMINDER_NOTICE, title, body, Notices.ref(event)), now));
            }
            return chain;
        });
    }
}
