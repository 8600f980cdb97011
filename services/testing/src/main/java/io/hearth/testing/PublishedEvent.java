package io.hearth.testing;

import java.time.Instant;

import io.hearth.contracts.events.EventData;
import io.hearth.contracts.events.EventJson;
import io.hearth.contracts.events.EventType;

/**
 * A CloudEvent as it stands on a topic: its binary-mode ce_ attributes, its record key, its JSON data, and where it
 * stands (partition and offset: the order consumers of that partition see it in).
 */
public record PublishedEvent(String topic, String key, String id, String specVersion, String source, String type,
        String subject, Instant time, String dataSchema, String data, int partition, long offset) {

    public <T extends EventData> T data(Class<T> dataClass) {
        return EventJson.read(data, dataClass);
    }

    public boolean is(EventType eventType) {
        return eventType.type().equals(type);
    }
}
