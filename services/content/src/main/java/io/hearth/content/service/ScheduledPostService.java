package io.hearth.content.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.content.domain.ScheduledPost;
import io.hearth.content.mapping.CreatePostRequest;
import io.hearth.content.mapping.ScheduledPostView;
import io.hearth.content.repository.ScheduledPostRepository;
import io.hearth.platform.access.CommunityAccess;
import io.hearth.platform.idempotency.IdempotencyKeys;
import io.hearth.platform.rest.Page;
import io.hearth.platform.rest.Problems;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Posts staff ask to appear later; {@link PostScheduler} publishes them when due. */
@ApplicationScoped
public class ScheduledPostService {
    private final ScheduledPostRepository scheduled;
    private final CommunityAccess access;
    private final IdempotencyKeys idempotency;
    private final ModerationRules moderation;

    public ScheduledPostService(ScheduledPostRepository scheduled, CommunityAccess access,
            IdempotencyKeys idempotency, ModerationRules moderation) {
        this.scheduled = scheduled;
        this.access = access;
        this.idempotency = idempotency;
        this.moderation = moderation;
    }

    /**
     * Staff (not muted) schedule a post for {@code request.publishAt()}: in the future, at most a year ahead, its text
     * passing the community's moderation rules. Nothing is published now: no post, no event, until it is due.
     */
    @WithTransaction
    public Uni<IdempotencyKeys.Outcome<ScheduledPostView>> schedule(UUID communityId, CreatePostRequest request,
            String authorId, String idempotencyKey) {
        return access.requireWriter(communityId.toString(), authorId, CommunityAccess.STAFF)
                .chain(role -> {
                    Instant publishAt = PublishTimes.check(request.publishAt(), Instant.now());
                    // Checked now, by the rules of now: staff's text only meets a link policy of BLOCK.
                    return idempotency.once("schedule-post:" + communityId, authorId, idempotencyKey, request,
                            () -> moderation.check(communityId, authorId, role, request.body().strip())
                                    .chain(() -> insert(communityId, request, authorId, publishAt)),
                            view -> view.id().toString(), id -> view(communityId, UUID.fromString(id)));
                });
    }

    private Uni<ScheduledPostView> insert(UUID communityId, CreatePostRequest request, String authorId,
            Instant publishAt) {
        ScheduledPost post = new ScheduledPost();
        post.id = UUID.randomUUID();
        post.communityId = communityId;
        post.authorId = authorId;
        post.body = request.body().strip();
        post.topics = PostService.normalise(request.topics());
        post.kind = request.postKind();
        post.publishAt = publishAt;
        post.createdAt = Instant.now();
        return scheduled.persist(post).map(ScheduledPostView::of);
    }

    /** The community's posts still waiting, in the order they were scheduled; for staff. */
    @WithSession
    public Uni<Page<ScheduledPostView>> list(UUID communityId, String callerId, long afterSeq, int limit) {
        return access.require(communityId.toString(), callerId, CommunityAccess.STAFF)
                .chain(() -> scheduled.page(communityId, afterSeq, limit + 1))
                .map(rows -> Page.of(rows, limit, p -> String.valueOf(p.seq), ScheduledPostView::of));
    }

    /**
     * Staff cancel a post still waiting (a broadcast's copy for this community too); 404 once it was published or
     * cancelled. A cancellation racing the scheduler waits for it (the row is locked) and then finds it gone.
     */
    @WithTransaction
    public Uni<Void> cancel(UUID communityId, UUID scheduledPostId, String callerId) {
        return access.require(communityId.toString(), callerId, CommunityAccess.STAFF)
                .chain(() -> scheduled.deleteInCommunity(communityId, scheduledPostId))
                .invoke(deleted -> {
                    if (!deleted) {
                        throw Problems.notFound("No post waiting to be published with id " + scheduledPostId
                                + " in community " + communityId + ": it was published, cancelled, or never "
                                + "scheduled there.");
                    }
                }).replaceWithVoid();
    }

    private Uni<ScheduledPostView> view(UUID communityId, UUID id) {
        return scheduled.findInCommunity(communityId, id)
                .onItem().ifNull().failWith(() -> Problems.notFound("The post scheduled with this key was published "
                        + "or cancelled since; see the community's posts."))
                .map(ScheduledPostView::of);
    }
}
