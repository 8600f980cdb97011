package io.hearth.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.contracts.events.EventData;
import io.hearth.contracts.events.EventJson;
import io.hearth.contracts.events.EventType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Records an event in the outbox. Call it inside the transaction that makes the change the event tells of, so
 * that both commit or neither does; {@link OutboxRelay} publishes it afterwards.
 *
 * <p>A community's events must reach Kafka in the order their transactions commit, but {@code seq} is drawn when the
 * row is inserted, not when it commits. So recording takes a transaction-scoped lock on the community first: a second
 * transaction of the same community draws its {@code seq} only after the first has committed (or rolled back), and
 * {@code seq} order within a community is commit order. Other communities are not held up (but for the rare hash
 * collision, which only costs a wait). The lock is held until commit: record the event as the transaction's last
 * write, or at least take any lock after it in the same order on every path (membership's joins and leaves update the
 * community's member count after it), so that two transactions never wait for each other.
 */
@ApplicationScoped
public class Outbox {
    /** The advisory-lock namespace of per-community outbox writes (two-key form; the relay uses another). */
    static final int COMMUNITY_LOCK_SPACE = 0x4f42;

    /**
     * One statement: the lock is taken as the row source is read, before the row's {@code seq} is drawn as it is
     * projected, so the draw happens under the lock.
     */
    private static final String INSERT = "insert into outbox_event"
            + " (event_id, type, topic, data_schema, community_id, occurred_at, payload)"
            + " select cast(:eventId as uuid), :type, :topic, :dataSchema, :community,"
            + " cast(:occurredAt as timestamptz), :payload"
            + " from pg_advisory_xact_lock(" + COMMUNITY_LOCK_SPACE + ", hashtext(:community))";

    private static final String INSERT_JDBC = "insert into outbox_event"
            + " (event_id, type, topic, data_schema, community_id, occurred_at, payload)"
            + " select ?, ?, ?, ?, ?, ?, ?"
            + " from pg_advisory_xact_lock(" + COMMUNITY_LOCK_SPACE + ", hashtext(?))";

    private static final String LOCK = "select 1 from pg_advisory_xact_lock(" + COMMUNITY_LOCK_SPACE
            + ", hashtext(:community))";

    /**
     * Takes the community's outbox lock now, before the transaction reads what it will change, for a change that
     * must see the community's latest state and decide under the lock (a settings change, whose event tells what
     * changed): then no other event of the community can be recorded in between, and its row locks are taken after
     * this one, in the same order as a join's.
     */
    public Uni<Void> lockCommunity(String communityId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(LOCK)
                .setParameter("community", communityId).getSingleResult()).replaceWithVoid();
    }

    /**
     * {@link #record} in a JDBC transaction of the caller's, for a change that must commit on its own, apart from the
     * request's reactive transaction (a moderation breach that outlives the refused post): the same row, under the
     * same community lock. Blocking: call it on a worker thread.
     */
    public void record(Connection connection, EventData data, Instant occurredAt) throws SQLException {
        EventType type = EventType.of(data);
        try (PreparedStatement insert = connection.prepareStatement(INSERT_JDBC)) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, type.type());
            insert.setString(3, type.topic());
            insert.setString(4, type.dataSchema().toString());
            insert.setString(5, data.communityId());
            insert.setObject(6, occurredAt.atOffset(ZoneOffset.UTC));
            insert.setString(7, EventJson.write(data));
            insert.setString(8, data.communityId());
            insert.executeUpdate();
        }
    }

    public Uni<Void> record(EventData data, Instant occurredAt) {
        EventType type = EventType.of(data);
        String payload = EventJson.write(data);
        // Changes still held in the session are written first, so that every row lock this transaction takes is
        // taken before the community lock: always in that order, two transactions cannot deadlock on the two.
        return Panache.getSession().chain(session -> session.flush().chain(() -> session
                .createNativeQuery(INSERT)
                .setParameter("eventId", UUID.randomUUID())
                .setParameter("type", type.type())
                .setParameter("topic", type.topic())
                .setParameter("dataSchema", type.dataSchema().toString())
                .setParameter("community", data.communityId())
                .setParameter("occurredAt", occurredAt.atOffset(ZoneOffset.UTC))
                .setParameter("payload", payload)
                .executeUpdate()))
                .replaceWithVoid();
    }
}
