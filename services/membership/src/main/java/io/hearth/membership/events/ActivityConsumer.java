package io.hearth.membership.events;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.hearth.contracts.events.ActivityEvents;
import io.hearth.contracts.events.MemberActivity;
import io.hearth.membership.repository.MemberActivityRepository;
import io.hearth.platform.inbox.IdempotentConsumer;
import io.hearth.platform.inbox.InboundEvent;
import io.hearth.platform.inbox.PoisonEventException;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Counts members' activity for the automatic tags (new, active, silent, key-member) from the topics that carry
 * activity events (channel {@code member-activity}: content's and activity's). Which events count is
 * {@link ActivityEvents#TYPES}, read here at run time, and each names its person ({@link MemberActivity}); a new
 * activity type on these topics is counted without a change here.
 *
 * <p>Why the computation lives in membership rather than analytics: the tags belong to membership's member directory,
 * whose filters (tag with role, source, join date, name) must run as one query beside the member rows and roles that
 * membership alone holds. Analytics would have to push every tag change back as events, and time-based tags change
 * without any event (a member stops being new after 7 days), so it would need a timer publishing for every member.
 * Here the consumer keeps only a small projection (a count per person and day, and the last activity) and the tags are
 * judged at read time, always current.
 */
@ApplicationScoped
public class ActivityConsumer {
    static final String CONSUMER = "membership.member-activity";

    private final IdempotentConsumer consumer;
    private final MemberActivityRepository activity;
    private final Clock clock = Clock.systemUTC();

    public ActivityConsumer(IdempotentConsumer consumer, MemberActivityRepository activity) {
        this.consumer = consumer;
        this.activity = activity;
    }

    @Incoming("member-activity")
    public Uni<Void> onEvents(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(CONSUMER, batch, this::apply);
    }

    private Uni<Void> apply(InboundEvent event) {
        // Other events of these topics (and activity types whose data would not name a person) count for nothing.
        if (!ActivityEvents.isActivity(event.type()) || !(event.data() instanceof MemberActivity taking)) {
            return Uni.createFrom().voidItem();
        }
        // Event time decides the day, not arrival: a late event counts on the day it happened.
        return activity.record(communityOf(event), taking.actorId(), event.time(), LocalDate.now(clock));
    }

    /** Community ids are UUIDs; any other subject could never be applied, so it is poison rather than retried. */
    private static UUID communityOf(InboundEvent event) {
        try {
            return UUID.fromString(event.subject());
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("Event " + event.id() + ": subject is not a community id", e);
        }
    }
}
