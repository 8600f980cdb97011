package io.hearth.platform.inbox;

import java.time.Instant;

import io.hearth.contracts.events.EventData;
import io.hearth.contracts.events.EventType;

/** A received Hearth event: the CloudEvents attributes a consumer needs and the typed data. */
public record InboundEvent(String id, EventType type, String subject, Instant time, EventData data) {

    public <T extends EventData> T dataAs(Class<T> type) {
        return type.cast(data);
    }
}
