package io.hearth.content.service;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.hearth.content.domain.Broadcast;
import io.hearth.content.domain.ScheduledPost;
import io.hearth.content.repository.ScheduledPostRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Publishes scheduled posts when they are due. Durable: what is scheduled is a row, so a restart loses nothing (a row
 * that fell due while no instance ran is published at the next tick). Once: every instance runs this, but a row is
 * claimed with {@code for update skip locked} in the transaction that inserts its post and events and deletes it, so
 * two instances never publish the same row, and a transaction that fails publishes nothing and leaves the row due.
 */
@ApplicationScoped
public class PostScheduler {
    private static final Logger LOG = Logger.getLogger(PostScheduler.class);
    /** Rows per transaction; a tick goes on while batches come back full. */
    static final int BATCH = 50;

    private final ScheduledPostRepository scheduled;
    private final Publication publication;

    public PostScheduler(ScheduledPostRepository scheduled, Publication publication) {
        this.scheduled = scheduled;
        this.publication = publication;
    }

    @Scheduled(every = "${hearth.scheduled-posts.tick:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> tick() {
        return publishDue()
                .onFailure().invoke(e -> LOG.warnf("Publishing scheduled posts failed, will retry: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Publishes everything due now, a batch per transaction; how many it published. */
    public Uni<Integer> publishDue() {
        return publishBatch().chain(n -> n < BATCH ? Uni.createFrom().item(n)
                : publishDue().map(more -> n + more));
    }

    private Uni<Integer> publishBatch() {
        return Panache.withTransaction(() -> scheduled.claimDue(BATCH).chain(rows -> {
            if (rows.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            Instant now = Instant.now();
            // The outbox locks each community as it records: in community order, two transactions holding several
            // communities' locks always take them in the same order and cannot deadlock.
            List<ScheduledPost> inOrder = rows.stream()
                    .sorted(Comparator.comparing((ScheduledPost p) -> p.communityId).thenComparing(p -> p.seq))
                    .toList();
            Uni<Void> chain = scheduled.delete("seq in ?1", rows.stream().map(p -> p.seq).toList())
                    .replaceWithVoid();
            for (ScheduledPost row : inOrder) {
                chain = chain.chain(() -> broadcastOf(row.broadcastId)
                        .chain(broadcast -> publication.publish(row.toPost(now), broadcast)).replaceWithVoid());
            }
            return chain.replaceWith(rows.size());
        }));
    }

    private static Uni<Broadcast> broadcastOf(UUID broadcastId) {
        return broadcastId == null ? Uni.createFrom().nullItem()
                : Panache.getSession().chain(s -> s.find(Broadcast.class, broadcastId));
    }
}
