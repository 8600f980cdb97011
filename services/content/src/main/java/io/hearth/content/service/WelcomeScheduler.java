package io.hearth.content.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.hearth.content.domain.Post;
import io.hearth.content.domain.PostKind;
import io.hearth.content.domain.WelcomeBurst;
import io.hearth.content.domain.WelcomeNewcomer;
import io.hearth.content.repository.PostRepository;
import io.hearth.content.repository.WelcomeRepository;
import io.hearth.contracts.events.WelcomePosted;
import io.hearth.platform.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Posts each burst's welcome when its window ends. The bursts are rows with a due time, so one pending over a restart
 * is posted after it. Each burst is claimed with {@code for update skip locked} in the transaction that inserts the
 * post (kind WELCOME, author {@value #AUTHOR}), records hearth.welcome.posted in the outbox and marks the burst
 * posted: with any number of content instances, a burst is posted exactly once. One burst per transaction, so that
 * the outbox's community lock is the transaction's last and only one.
 */
@ApplicationScoped
public class WelcomeScheduler {
    /** Who welcomes are written by. */
    public static final String AUTHOR = "hearth";
    private static final Logger LOG = Logger.getLogger(WelcomeScheduler.class);
    /** Bursts posted per tick at most; the rest wait for the next tick (a second later). */
    private static final int PER_TICK = 100;

    private final WelcomeRepository welcomes;
    private final PostRepository posts;
    private final Outbox outbox;

    public WelcomeScheduler(WelcomeRepository welcomes, PostRepository posts, Outbox outbox) {
        this.welcomes = welcomes;
        this.posts = posts;
        this.outbox = outbox;
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> tick() {
        return postDue(PER_TICK)
                .onFailure().invoke(e -> LOG.warnf("Welcomes could not be posted, will retry: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** Posts up to {@code left} due bursts, one transaction each. */
    Uni<Void> postDue(int left) {
        if (left == 0) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(this::postOne)
                .chain(posted -> posted ? postDue(left - 1) : Uni.createFrom().voidItem());
    }

    /** Claims and posts one due burst; false when none is due. */
    private Uni<Boolean> postOne() {
        return welcomes.claimDue().chain(burst -> burst == null ? Uni.createFrom().item(false)
                : welcomes.newcomers(burst.id).chain(newcomers -> post(burst, newcomers)).replaceWith(true));
    }

    private Uni<Void> post(WelcomeBurst burst, List<WelcomeNewcomer> newcomers) {
        Instant now = Instant.now();
        burst.postedAt = now;
        return welcomes.setting(burst.communityId).chain(setting -> {
            // Turned off while the burst gathered (and maybe on again since): it is done, with nothing posted.
            if (setting == null || burst.startedAt.isBefore(setting.enabledAt) || newcomers.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return welcomes.profile(burst.communityId).chain(profile -> {
                Post post = new Post();
                post.id = UUID.randomUUID();
                post.communityId = burst.communityId;
                post.authorId = AUTHOR;
                post.kind = PostKind.WELCOME;
                post.topics = List.of();
                post.createdAt = now;
                post.body = WelcomeText.render(setting.template,
                        newcomers.stream().map(n -> n.displayName).toList(),
                        profile == null ? null : profile.name, profile == null ? null : profile.rules);
                burst.postId = post.id;
                return posts.persist(post).chain(() -> outbox.record(new WelcomePosted(burst.communityId.toString(),
                        post.id.toString(), newcomers.stream().map(n -> n.userId).toList()), now));
            });
        });
    }
}
