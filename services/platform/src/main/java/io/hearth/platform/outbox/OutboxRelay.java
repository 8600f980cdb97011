package io.hearth.platform.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.hearth.platform.config.HearthConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Publishes the outbox to Kafka in commit order, within milliseconds of the commit.
 *
 * <p>Exactly one instance of a service relays at a time: the one whose own connection holds the service's relay
 * lock (a PostgreSQL session advisory lock, released by the database when that connection dies). Two instances
 * sending at once through two producers could let a community's later event overtake an earlier one; one relay
 * sending rows in {@code seq} order through one idempotent producer cannot, and {@link Outbox} makes {@code seq}
 * order commit order within a community. The others stand by and try the lock every tick.
 *
 * <p>The leader listens on {@code hearth_outbox}, which the outbox's trigger notifies on commit, and drains: reads a
 * batch of pending rows (no row locks: nobody else publishes), sends them all, waits for the broker's answers and
 * stamps what was published. Rows committed while a batch is in flight are taken by the next one, so batches grow
 * with the load. A row Kafka refuses for good is set aside with its reason; when the broker is away, the rows stay
 * pending and the drain is tried again with backoff. A crash after sending and before stamping sends those rows
 * again; consumers are idempotent.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int RELAY_LOCK_SPACE = 0x4f43;
    private static final String TRY_LEAD = "select pg_try_advisory_lock(" + RELAY_LOCK_SPACE + ", 0) as leads";
    private static final String PENDING = "select " + PendingEvent.COLUMNS + " from outbox_event"
            + " where published_at is null and dead_reason is null order by seq limit $1";
    private static final String MARK_PUBLISHED = "update outbox_event set published_at = now() where seq = any($1)";
    private static final String SET_ASIDE = "update outbox_event set dead_reason = $2 where seq = $1";
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final Vertx vertx;
    private final OutboxPublisher publisher;
    private final HearthConfig config;
    private final PgConnectOptions connectOptions;

    private final AtomicBoolean connecting = new AtomicBoolean();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean drainAgain = new AtomicBoolean();
    private volatile PgConnection leader;
    private volatile boolean stopped;
    private volatile long retryNotBefore;
    private volatile Duration backoff = Duration.ZERO;

    public OutboxRelay(Vertx vertx, OutboxPublisher publisher, HearthConfig config,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.vertx = vertx;
        this.publisher = publisher;
        this.config = config;
        this.connectOptions = PgConnectOptions.fromUri(url.split(",")[0].trim()).setUser(user).setPassword(password)
                .setCachePreparedStatements(true);
    }

    void onStart(@Observes StartupEvent event) {
        tick();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopped = true;
        PgConnection connection = leader;
        leader = null;
        if (connection != null) {
            connection.closeAndForget();
        }
    }

    /** True while this instance holds the relay lock. */
    public boolean isLeader() {
        return leader != null;
    }

    /**
     * Stands for election when not leading, otherwise drains: the safety net for a notification missed while the
     * connection was being made. Commits wake the leader at once; this does not wait for it.
     */
    @Scheduled(every = "${hearth.outbox.tick:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (stopped) {
            return;
        }
        if (leader == null) {
            standForLeader();
        } else {
            requestDrain();
        }
    }

    private void standForLeader() {
        if (!connecting.compareAndSet(false, true)) {
            return;
        }
        PgConnection.connect(vertx, connectOptions)
                .chain(connection -> connection.query(TRY_LEAD).execute()
                        .map(rows -> rows.iterator().next().getBoolean("leads"))
                        .onFailure().call(connection::close)
                        .chain(leads -> leads ? lead(connection) : connection.close().replaceWith(false)))
                .subscribe().with(leads -> connecting.set(false), failure -> {
                    connecting.set(false);
                    LOG.debugf("Outbox relay could not reach the database, will retry: %s", failure.getMessage());
                });
    }

    private Uni<Boolean> lead(PgConnection connection) {
        connection.notificationHandler(notification -> requestDrain());
        connection.closeHandler(() -> {
            if (leader == connection) {
                leader = null;
                LOG.warn("Outbox relay lost its database connection; standing for election again");
            }
        });
        return connection.query("listen hearth_outbox").execute().invoke(() -> {
            leader = connection;
            LOG.infof("Outbox relay of %s is leading", config.serviceName());
            requestDrain();
        }).onFailure().call(connection::close).replaceWith(true);
    }

    /** Drains now, or right after the drain under way: a request during a drain is never lost. */
    void requestDrain() {
        drainAgain.set(true);
        if (draining.compareAndSet(false, true)) {
            drainLoop();
        }
    }

    private void drainLoop() {
        PgConnection connection = leader;
        if (connection == null || stopped || System.currentTimeMillis() < retryNotBefore) {
            draining.set(false);
            return;
        }
        drainAgain.set(false);
        drainBatch(connection).subscribe().with(batchWasFull -> {
            backoff = Duration.ZERO;
            continueOrRest(batchWasFull);
        }, failure -> {
            backoff = backoff.isZero() ? Duration.ofMillis(100) : min(backoff.multipliedBy(2), MAX_BACKOFF);
            retryNotBefore = System.currentTimeMillis() + backoff.toMillis();
            LOG.warnf("Outbox relay could not publish, retrying in %d ms: %s", backoff.toMillis(),
                    failure.getMessage());
            vertx.setTimer(backoff.toMillis(), id -> requestDrain());
            draining.set(false);
        });
    }

    private void continueOrRest(boolean more) {
        if (more || drainAgain.get()) {
            drainLoop();
            return;
        }
        draining.set(false);
        // A request may have come between the check above and releasing the flag.
        if (drainAgain.get() && draining.compareAndSet(false, true)) {
            drainLoop();
        }
    }

    /** Publishes one batch; true when the batch was full, so that more may be waiting. */
    private Uni<Boolean> drainBatch(PgConnection connection) {
        int limit = config.outbox().batchSize();
        return connection.preparedQuery(PENDING).execute(Tuple.of(limit))
                .map(rows -> {
                    List<PendingEvent> events = new ArrayList<>(rows.size());
                    rows.forEach(row -> events.add(PendingEvent.of(row)));
                    return events;
                })
                .chain(events -> events.isEmpty() ? Uni.createFrom().item(false)
                        : publisher.publish(events).chain(outcomes -> record(connection, outcomes))
                                .map(ignored -> events.size() == limit));
    }

    /** Stamps what was published and sets aside what was refused; fails when something must be tried again. */
    private Uni<Void> record(PgConnection connection, List<OutboxPublisher.Outcome> outcomes) {
        Long[] published = outcomes.stream().filter(o -> o.result() == OutboxPublisher.Result.PUBLISHED)
                .map(o -> o.event().seq()).toArray(Long[]::new);
        List<OutboxPublisher.Outcome> refused = outcomes.stream()
                .filter(o -> o.result() == OutboxPublisher.Result.REFUSED).toList();
        Uni<Void> stamp = published.length == 0 ? Uni.createFrom().voidItem()
                : connection.preparedQuery(MARK_PUBLISHED).execute(Tuple.tuple().addArrayOfLong(published)).replaceWithVoid();
        Uni<Void> setAside = refused.isEmpty() ? Uni.createFrom().voidItem()
                : connection.preparedQuery(SET_ASIDE).executeBatch(refused.stream()
                        .peek(o -> LOG.errorf("Outbox event %s (%s) can never be published, set aside: %s",
                                o.event().eventId(), o.event().type(), o.reason()))
                        .map(o -> Tuple.of(o.event().seq(), o.reason())).toList()).replaceWithVoid();
        return stamp.chain(() -> setAside).invoke(() -> {
            long retry = outcomes.stream().filter(o -> o.result() == OutboxPublisher.Result.RETRY).count();
            if (retry > 0) {
                String reason = outcomes.stream().filter(o -> o.result() == OutboxPublisher.Result.RETRY)
                        .findFirst().map(OutboxPublisher.Outcome::reason).orElse("");
                throw new IllegalStateException(retry + " events not taken by the broker yet: " + reason);
            }
        });
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
