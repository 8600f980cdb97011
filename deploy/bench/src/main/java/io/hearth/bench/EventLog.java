package io.hearth.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import io.hearth.embedded.PostgresServer;

/**
 * Analytics' event log (services/analytics, table event_log), read straight from its database: the end of the
 * pipeline. A row's received_at is the time of the analytics transaction that appended it (PostgreSQL's now()); the
 * benchmark runs on the same host, so that clock is the one the load generator reads.
 */
final class EventLog implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(200);
    private final Connection connection;

    EventLog(String jdbcUrl) {
        try {
            connection = DriverManager.getConnection(jdbcUrl, PostgresServer.USER, PostgresServer.PASSWORD);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach analytics' database", e);
        }
    }

    /** How many events of {@code type} the log holds for these communities (joins: only role MEMBER, if given). */
    long count(String type, Collection<String> communities, String role) {
        String sql = "select count(*) from event_log where type = ? and community_id = any(?)"
                + (role == null ? "" : " and role = ?");
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, type);
            Array ids = connection.createArrayOf("text", communities.toArray());
            query.setArray(2, ids);
            if (role != null) {
                query.setString(3, role);
            }
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count " + type + " in event_log", e);
        }
    }

    /**
     * Polls until the log holds {@code expected} events (or more) or {@code timeout} passes, and returns when it was
     * seen complete, or null.
     */
    Instant awaitCount(String type, Collection<String> communities, String role, long expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (count(type, communities, role) >= expected) {
                return Instant.now();
            }
            if (System.nanoTime() > deadline) {
                return null;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    /** postId -> received_at of every hearth.post.created of the community in the log. */
    Map<String, Instant> postsReceived(String community) {
        Map<String, Instant> received = new HashMap<>();
        // data #>> '{}' is the column's JSON text whether it holds the event's object or (as analytics stores it
        // today) that object encoded as one JSON string.
        try (PreparedStatement query = connection.prepareStatement("select (data #>> '{}')::jsonb ->> 'postId', "
                + "received_at from event_log where type = 'hearth.post.created' and community_id = ?")) {
            query.setString(1, community);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    received.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read posts from event_log", e);
        }
        return received;
    }

    /** A server setting as a session sees it, e.g. fsync. */
    String setting(String name) {
        try (PreparedStatement query = connection.prepareStatement("select current_setting(?)")) {
            query.setString(1, name);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            return "?";
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // Nothing left to do with it.
        }
    }
}
