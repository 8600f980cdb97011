package io.hearth.platform.retention;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.hearth.platform.config.HearthConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Deletes what is only kept for a while: published outbox rows, applied event ids, idempotency keys and rate-limit
 * buckets that have filled up again (platform RateLimiter; Bucket4j stamps each with its expiry). Each table
 * has an index on its age column; deletes go in slices so that no long transaction holds the tables. Harmless when
 * several instances run it at once.
 */
@ApplicationScoped
public class RetentionJob {
    private static final Logger LOG = Logger.getLogger(RetentionJob.class);
    private static final int SLICE = 5_000;

    private final Pool pool;
    private final HearthConfig config;

    public RetentionJob(Pool pool, HearthConfig config) {
        this.pool = pool;
        this.config = config;
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> purge() {
        HearthConfig.Retention retention = config.retention();
        return purge("outbox_event", "published_at", retention.outbox())
                .chain(() -> purge("processed_event", "processed_at", retention.processedEvents()))
                .chain(() -> purge("idempotency_key", "created_at", retention.idempotencyKeys()))
                .chain(this::purgeFullBuckets)
                .onFailure().invoke(e -> LOG.warnf("Retention purge failed, will retry: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Deletes rows older than {@code age} in slices until none is left; returns how many went. */
    public Uni<Long> purge(String table, String column, Duration age) {
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minus(age);
        String slice = "delete from " + table + " where ctid = any(array(select ctid from " + table + " where "
                + column + " < $1 limit " + SLICE + "))";
        return deleteSlices(slice, before, 0L);
    }

    /** Rate-limit buckets whose expiry (epoch milliseconds, set by Bucket4j) has passed: they are full again. */
    public Uni<Long> purgeFullBuckets() {
        String slice = "delete from rate_limit_bucket where id = any(array(select id from rate_limit_bucket"
                + " where expires_at < $1 limit " + SLICE + "))";
        return deleteSlices(slice, System.currentTimeMillis(), 0L);
    }

    private Uni<Long> deleteSlices(String sql, Object before, long sofar) {
        return pool.preparedQuery(sql).execute(Tuple.of(before)).chain(rows -> rows.rowCount() < SLICE
                ? Uni.createFrom().item(sofar + rows.rowCount())
                : deleteSlices(sql, before, sofar + rows.rowCount()));
    }
}
