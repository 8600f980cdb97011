package io.hearth.analytics.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.analytics.domain.LoggedEvent;
import io.hearth.analytics.repository.EventLogRepository;
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

    public EventLogService(EventLogRepository log) {
        this.log = log;
    }

    /** Runs inside the transaction in which the consumer claims the event id, so both commit or neither does. */
    public Uni<Void> append(InboundEvent event) {
        return log.append(LoggedEvent.of(event));
    }
}
