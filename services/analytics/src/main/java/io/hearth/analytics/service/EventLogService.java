package io.hearth.analytics.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.analytics.domain.LoggedEvent;
import io.hearth.analytics.repository.EventLogRepository;
import io.hearth.analytics.repository.WebhookDeliveryRepository;
import io.hearth.platform.inbox.InboundEvent;
import io.smallrye.mutiny.Uni;

/**
 * Keeps the event log: every event of a known type is appended as it happened, at its event time, whatever order it
 * arrives in (a late event simply lands at its time). Nothing is updated or deleted, so every metric can be computed
 * again from the log.
 */
@ApplicationScoped
public class EventLogService {
    private final EventLogRepository log;
    private final WebhookDeliveryRepository webhooks;

    public EventLogService(EventLogRepository log, WebhookDeliveryRepository webhooks) {
        this.log = log;
        this.webhooks = webhooks;
    }

    /**
     * Runs inside the transaction in which the consumer claims the event id, so both commit or neither does; the
     * event's webhook deliveries are recorded in it too, so no subscribed event is lost on its way to a partner.
     */
    public Uni<Void> append(InboundEvent event) {
        return log.append(LoggedEvent.of(event))
                .chain(() -> webhooks.record(event.subject(), event.id(), event.type().type(),
                        WebhookEventBody.of(event)));
    }
}
