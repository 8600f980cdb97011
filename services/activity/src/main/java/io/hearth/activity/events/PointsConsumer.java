package io.hearth.activity.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.hearth.activity.service.PointsBooking;
import io.hearth.platform.inbox.IdempotentConsumer;
import io.hearth.platform.inbox.InboundEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * The events that earn or take back points, from content's topic and activity's own, on one channel and consumer group
 * ({@code points-events}, {@code activity.points}). A community's events of one topic arrive in order; the two topics
 * have no order between them, which bookings do not need.
 */
@ApplicationScoped
public class PointsConsumer {
    static final String CONSUMER = "activity.points";

    private final IdempotentConsumer consumer;
    private final PointsBooking booking;

    public PointsConsumer(IdempotentConsumer consumer, PointsBooking booking) {
        this.consumer = consumer;
        this.booking = booking;
    }

    @Incoming("points-events")
    public Uni<Void> onEvents(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(CONSUMER, batch, this::apply);
    }

    private Uni<Void> apply(InboundEvent event) {
        return booking.apply(event);
    }
}
