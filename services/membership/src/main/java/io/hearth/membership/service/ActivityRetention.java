package io.hearth.membership.service;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.hearth.membership.repository.MemberActivityRepository;
import io.hearth.platform.retention.RetentionJob;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Purges the daily activity counts that no tag reads any more, in slices, as the platform purges its own tables; the
 * consumer's writes stay one upsert each.
 */
@ApplicationScoped
public class ActivityRetention {
    private static final Logger LOG = Logger.getLogger(ActivityRetention.class);

    private final RetentionJob retention;

    public ActivityRetention(RetentionJob retention) {
        this.retention = retention;
    }

    @Scheduled(every = "1h", delayed = "2m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return purge().onFailure().invoke(e -> LOG.warnf("Activity purge failed, will retry: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Deletes the days older than {@link MemberActivityRepository#KEEP_DAYS}; returns how many went. */
    public Uni<Long> purge() {
        return retention.purge("member_activity_day", "day", Duration.ofDays(MemberActivityRepository.KEEP_DAYS));
    }
}
