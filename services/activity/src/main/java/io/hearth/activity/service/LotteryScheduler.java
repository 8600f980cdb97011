package io.hearth.activity.service;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.hearth.activity.repository.LotteryRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Draws lotteries when they are due. Durable: a lottery is a row, so a restart loses nothing (one that fell due while
 * no instance ran is drawn at the next tick). Once: every instance runs this, but a lottery is claimed with
 * {@code for update skip locked} in the transaction that draws it and marks it drawn, so two instances never draw the
 * same one, and a transaction that fails draws nothing and leaves it due.
 */
@ApplicationScoped
public class LotteryScheduler {
    /** The job's identity, for pausing it (tests that draw by hand). */
    public static final String JOB = "lottery-draws";
    private static final Logger LOG = Logger.getLogger(LotteryScheduler.class);

    private final LotteryRepository lotteries;
    private final LotteryDraw draw;
    private final Clock clock;

    public LotteryScheduler(LotteryRepository lotteries, LotteryDraw draw, Clock clock) {
        this.lotteries = lotteries;
        this.draw = draw;
        this.clock = clock;
    }

    @Scheduled(identity = JOB, every = "${hearth.lotteries.tick:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> tick() {
        return drawDue()
                .onFailure().invoke(e -> LOG.warnf("Drawing due lotteries failed, will retry: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Draws every lottery due now, one per transaction (a draw may enter a whole community); how many it drew. */
    public Uni<Integer> drawDue() {
        return drawOne().chain(drew -> drew ? drawDue().map(more -> more + 1) : Uni.createFrom().item(0));
    }

    private Uni<Boolean> drawOne() {
        return Panache.withTransaction(() -> {
            Instant now = clock.instant();
            return lotteries.claimDue(now).chain(lottery -> lottery == null ? Uni.createFrom().item(false)
                    : draw.draw(lottery, now).replaceWith(true));
        });
    }
}
