package io.hearth.platform.outbox;

import java.time.Instant;
import java.util.UUID;

import io.vertx.mutiny.sqlclient.Row;

/**
 * An outbox row not yet published, as the relay reads it. {@code topic} and {@code dataSchema} are null only in rows
 * written before they were recorded; the relay then looks them up by type.
 */
record PendingEvent(long seq, UUID eventId, String type, String topic, String dataSchema, String communityId,
        Instant occurredAt, String payload) {

    static final String COLUMNS = "seq, event_id, type, topic, data_schema, community_id, occurred_at, payload";

    static PendingEvent of(Row row) {
        return new PendingEvent(row.getLong("seq"), row.getUUID("event_id"), row.getString("type"),
                row.getString("topic"), row.getString("data_schema"), row.getString("community_id"),
                row.getOffsetDateTime("occurred_at").toInstant(), row.getString("payload"));
    }
}
