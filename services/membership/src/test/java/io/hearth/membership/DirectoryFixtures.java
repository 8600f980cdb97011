package io.hearth.membership;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import io.hearth.contracts.events.EventData;
import io.hearth.contracts.events.EventType;
import io.hearth.contracts.events.PostCreated;
import io.hearth.testing.HearthTestResource;
import io.hearth.testing.KafkaEvents;

/**
 * Arranging what the member directory reads but no membership route can set yet: joins long ago (joined_at shifted
 * through the test database), a join's source, and other services' activity events published on the real broker.
 */
final class DirectoryFixtures {
    private DirectoryFixtures() {
    }

    /** Moves a current member's join {@code age} into the past, as if they had joined then. */
    static void joinedAgo(String communityId, String userId, Duration age) {
        update("update membership set joined_at = now() - ?::interval where community_id = ?::uuid and user_id = ?"
                + " and left_at is null", age.toSeconds() + " seconds", communityId, userId);
    }

    static void setSource(String communityId, String userId, String source) {
        update("update membership set source = ? where community_id = ?::uuid and user_id = ? and left_at is null",
                source, communityId, userId);
    }

    static void setDisplayName(String communityId, String userId, String displayName) {
        update("update membership set display_name = ? where community_id = ?::uuid and user_id = ?"
                + " and left_at is null", displayName, communityId, userId);
    }

    /** A post by {@code authorId}, as content publishes it, happening at {@code at}. */
    static ProducerRecord<String, String> post(String communityId, String authorId, Instant at) {
        return event(new PostCreated(communityId, UUID.randomUUID().toString(), authorId, List.of("running"), 20),
                at);
    }

    static ProducerRecord<String, String> event(EventData data, Instant at) {
        return KafkaEvents.record(EventType.of(data).topic(), data, at, UUID.randomUUID().toString());
    }

    /** {@code count} posts by {@code authorId} at {@code at}. */
    static List<ProducerRecord<String, String>> posts(String communityId, String authorId, int count, Instant at) {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(post(communityId, authorId, at));
        }
        return records;
    }

    /** Publishes the records with one producer, in order, and waits for the broker's acks. */
    static void publish(List<ProducerRecord<String, String>> records) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, HearthTestResource.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            for (ProducerRecord<String, String> record : records) {
                producer.send(record);
            }
            producer.flush();
        }
    }

    /** The activity events membership has counted for the community so far (all people, all kept days). */
    static long countedEvents(String communityId) {
        return queryLong("select coalesce(sum(events), 0) from member_activity_day where community_id = ?::uuid",
                communityId);
    }

    static long queryLong(String sql, Object... params) {
        try (Connection db = HearthTestResource.openDatabase(); PreparedStatement statement = db.prepareStatement(sql)) {
            bind(statement, params);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rows of a one-column text query, in its order. */
    static List<String> queryStrings(String sql, Object... params) {
        try (Connection db = HearthTestResource.openDatabase(); PreparedStatement statement = db.prepareStatement(sql)) {
            bind(statement, params);
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(String sql, Object... params) {
        try (Connection db = HearthTestResource.openDatabase(); PreparedStatement statement = db.prepareStatement(sql)) {
            bind(statement, params);
            if (statement.executeUpdate() != 1) {
                throw new IllegalStateException("Expected to change one row: " + sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement statement, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
    }
}
