package io.hearth.content.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.content.domain.CommunityRules;
import io.hearth.content.domain.ModerationRule;
import io.hearth.contracts.events.RuleBreached;
import io.hearth.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Records a breach and publishes hearth.rule.breached in a transaction of its own, which commits although the request
 * that broke the rule is refused and its own transaction rolls back.
 *
 * <p>It runs over JDBC (the service's Agroal pool, on a worker thread), not over the reactive pool the request's
 * transaction holds a connection of: were it to wait for a second connection of that pool, as many refused requests at
 * once as the pool has connections (a flood, say) would each hold one and wait for another forever. A breach of one
 * member's is counted under a lock on that member, so two at once count 1 and 2, never 1 and 1. The request's
 * transaction must not hold the community's outbox lock yet (check before recording any event); should it, the lock
 * timeout ends the wait instead of a deadlock.
 */
@ApplicationScoped
public class BreachLog {
    /** Advisory-lock namespace of a member's breach count (two-key form; other namespaces are the outbox's). */
    private static final int MEMBER_BREACH_LOCK_SPACE = 0x4252;
    static final Duration WINDOW = Duration.ofHours(24);

    private final DataSource dataSource;
    private final Outbox outbox;
    private final Vertx vertx;

    public BreachLog(DataSource dataSource, Outbox outbox, Vertx vertx) {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.vertx = vertx;
    }

    /**
     * Records that {@code userId} broke {@code rule} ({@code matched}: the word or link, null for flood) and returns
     * the event published: their breaches in the community in the last 24 hours, this one included, and the mute
     * asked for when that count reaches the community's limit.
     */
    public Uni<RuleBreached> record(CommunityRules rules, String userId, ModerationRule rule, String matched) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> recordBlocking(rules, userId, rule, matched)), false);
    }

    private RuleBreached recordBlocking(CommunityRules rules, String userId, ModerationRule rule, String matched) {
        String community = rules.communityId.toString();
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                RuleBreached breach = recordIn(connection, rules, community, userId, rule, matched);
                connection.commit();
                return breach;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record a " + rule.value() + " breach in community " + community,
                    e);
        }
    }

    private RuleBreached recordIn(Connection connection, CommunityRules rules, String community, String userId,
            ModerationRule rule, String matched) throws SQLException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try (Statement statement = connection.createStatement()) {
            statement.execute("set local lock_timeout = '10s'");
        }
        try (PreparedStatement lock = connection.prepareStatement(
                "select pg_advisory_xact_lock(" + MEMBER_BREACH_LOCK_SPACE + ", hashtext(?))")) {
            lock.setString(1, community + " " + userId);
            lock.execute();
        }
        int earlier;
        try (PreparedStatement count = connection.prepareStatement("select count(*) from rule_breach"
                + " where community_id = ? and user_id = ? and breached_at > ?")) {
            count.setObject(1, rules.communityId);
            count.setString(2, userId);
            count.setObject(3, now.minus(WINDOW).atOffset(ZoneOffset.UTC));
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                earlier = rows.getInt(1);
            }
        }
        int breaches = earlier + 1;
        // From the limit on, every breach asks again: a member whose mute ran out and who breaks a rule again within
        // the 24 hours is muted again.
        Integer muteMinutes = breaches >= rules.breachesBeforeMute ? rules.muteMinutes : null;
        try (PreparedStatement insert = connection.prepareStatement("insert into rule_breach"
                + " (id, community_id, user_id, rule, matched, breaches, mute_minutes, breached_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, rules.communityId);
            insert.setString(3, userId);
            insert.setString(4, rule.value());
            insert.setString(5, matched);
            insert.setInt(6, breaches);
            insert.setObject(7, muteMinutes);
            insert.setObject(8, now.atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
        RuleBreached event = new RuleBreached(community, userId, rule.value(), breaches, muteMinutes);
        outbox.record(connection, event, now);
        return event;
    }
}
