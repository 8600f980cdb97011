package io.hearth.analytics.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.hearth.analytics.service.EventLogService;
import io.hearth.platform.inbox.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Appends every event of the four Hearth topics to the event log, one channel per topic (consumer group
 * {@code analytics.event-log}, from the earliest offset). Each event id is claimed in the same transaction as its
 * row, so a redelivered or replayed event changes nothing; poison (a record that cannot be decoded, breaks
 * its schema, or has a type this version does not know) goes to {@code hearth.dlq.analytics} and the channel carries
 * on; any other failure is retried until it passes.
 *
 * <h2>Rebuilding</h2>
 * The event log is the projection, and every number analytics reports is computed from it when asked, so rebuilding
 * analytics means rebuilding the log from the topics (which keep every event):
 * <ol>
 * <li>stop the analytics instances;</li>
 * <li>{@code truncate event_log; delete from processed_event where consumer = 'analytics.event-log';}</li>
 * <li>start them with a fresh consumer group for the four log channels, e.g.
 * {@code MP_MESSAGING_INCOMING_MEMBERSHIP_LOG_GROUP_ID=analytics.event-log.rebuild-1} and likewise for
 * {@code CONTENT_LOG}, {@code ACTIVITY_LOG}, {@code MONETIZATION_LOG} (or reset the group's offsets to the earliest
 * with {@code kafka-consumer-groups --reset-offsets --to-earliest}).</li>
 * </ol>
 * The channels then read every topic from the beginning and produce the same rows: a row is keyed by its event id and
 * carries the event's own time, never the time it was read, so neither the order of reading nor a repeated record
 * changes the log. Replaying without step 2 is harmless too: every id is claimed already, and the insert skips ids
 * that have a row.
 */
@ApplicationScoped
public class EventLogConsumer {
    /** The name under which event ids are claimed in processed_event, shared by the four channels. */
    public static final String CONSUMER = "analytics.event-log";

    private final IdempotentConsumer consumer;
    private final EventLogService eventLog;

    public EventLogConsumer(IdempotentConsumer consumer, EventLogService eventLog) {
        this.consumer = consumer;
        this.eventLog = eventLog;
    }

    @Incoming("membership-log")
    public Uni<Void> onMembershipEvent(KafkaRecordBatch<String, String> batch) {
        return log(batch);
    }

    @Incoming("content-log")
    public Uni<Void> onContentEvent(KafkaRecordBatch<String, String> batch) {
        return log(batch);
    }

    @Incoming("activity-log")
    public Uni<Void> onActivityEvent(KafkaRecordBatch<String, String> batch) {
        return log(batch);
    }

    @Incoming("monetization-log")
    public Uni<Void> onMonetizationEvent(KafkaRecordBatch<String, String> batch) {
        return log(batch);
    }

    private Uni<Void> log(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(CONSUMER, batch, eventLog::append);
    }
}
