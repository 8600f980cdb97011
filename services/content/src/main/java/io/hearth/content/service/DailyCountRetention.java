package io.hearth.content.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The per-person-per-day broadcast counters only matter for the day of a delivery; a delivery's day is its publication
 * day, which may lag a little behind the clock (a consumer catching up), so two days are kept. Harmless when several
 * instances run it at once.
 */
@ApplicationScoped
public class DailyCountRetention {
    private static final Logger LOG = Logger.getLogger(DailyCountRetention.class);
    private static final String PURGE = "delete from broadcast_daily_count where day < current_date - 2";

    private final Pool pool;

    public DailyCountRetention(Pool pool) {
        this.pool = pool;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> purge() {
        return pool.query(PURGE).execute().replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("Purging broadcast day counters failed, will retry: %s",
                        e.getMessage()))
                .onFailure().recoverWithNull();
    }
}
