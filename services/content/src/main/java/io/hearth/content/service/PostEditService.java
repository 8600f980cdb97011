package io.hearth.content.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.contracts.events.PostEdited;
import io.hearth.contracts.events.PostRemoved;
import io.hearth.content.domain.ModerationAction;
import io.hearth.content.domain.Post;
import io.hearth.content.mapping.EditPostRequest;
import io.hearth.content.mapping.PostView;
import io.hearth.platform.access.CommunityAccess;
import io.hearth.platform.outbox.Outbox;
import io.hearth.platform.rest.Problems;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Authors edit and remove their posts; the owner and admins remove anyone's, with a reason that is audited. */
@ApplicationScoped
public class PostEditService {
    private final PostLookup lookup;
    private final CommunityAccess access;
    private final ModerationAudit audit;
    private final Outbox outbox;
    private final ModerationRules moderation;

    public PostEditService(PostLookup lookup, CommunityAccess access, ModerationAudit audit, Outbox outbox,
            ModerationRules moderation) {
        this.lookup = lookup;
        this.access = access;
        this.audit = audit;
        this.outbox = outbox;
        this.moderation = moderation;
    }

    /**
     * The author, not muted, replaces the body and/or the topics of a standing post, a new body passing the
     * community's moderation rules as a new post's does (but for the flood limit); publishes hearth.post.edited.
     */
    @WithTransaction
    public Uni<PostView> edit(UUID communityId, UUID postId, EditPostRequest request, String callerId) {
        if (request.body() == null && request.topics() == null) {
            return Uni.createFrom().failure(Problems.badRequest("Nothing to change: send body, topics or both."));
        }
        if (request.body() != null && request.body().isBlank()) {
            return Uni.createFrom().failure(Problems.invalidField("body", "must not be blank"));
        }
        String body = request.body() == null ? null : request.body().strip();
        return Uni.createFrom().item(() -> request.topics() == null ? null : PostService.normalise(request.topics()))
                .chain(topics -> access.requireWriter(communityId.toString(), callerId, CommunityAccess.ANY_MEMBER)
                        .chain(role -> lookup.lockStanding(communityId, postId).call(post -> {
                            if (!post.authorId.equals(callerId)) {
                                throw Problems.forbidden("Only the author of post " + postId + " may edit it.");
                            }
                            return body == null ? Uni.createFrom().voidItem()
                                    : moderation.checkEdit(communityId, callerId, role, body);
                        }))
                        .chain(post -> {
                            if (body != null) {
                                post.body = body;
                            }
                            if (topics != null) {
                                post.topics = topics;
                            }
                            post.editedAt = Instant.now();
                            return outbox.record(new PostEdited(communityId.toString(), postId.toString(), null,
                                    post.authorId, post.topics, post.bodyLength()), post.editedAt)
                                    .chain(() -> lookup.view(post, callerId));
                        }));
    }

    /**
     * Takes a standing post down: its author (reason optional) or staff (reason required, audited as POST_REMOVED).
     * Readers then get 410 for it and lists leave it out. Publishes hearth.post.removed.
     */
    @WithTransaction
    public Uni<Void> remove(UUID communityId, UUID postId, String reason, String callerId) {
        return Uni.createFrom().item(() -> Removals.reason(reason))
                .chain(why -> access.require(communityId.toString(), callerId, CommunityAccess.ANY_MEMBER)
                        .chain(role -> lookup.lockStanding(communityId, postId)
                                .chain(post -> remove(post, why, callerId,
                                        Removals.byStaff(post.authorId, callerId, role, why, "post")))));
    }

    private Uni<Void> remove(Post post, String reason, String callerId, boolean byStaff) {
        post.removedAt = Instant.now();
        post.removedBy = callerId;
        post.removalReason = reason;
        Uni<Void> audited = byStaff
                ? audit.record(post.communityId, callerId, ModerationAction.POST_REMOVED, post.id, null,
                        post.authorId, reason, null, post.removedAt)
                : Uni.createFrom().voidItem();
        return audited.chain(() -> outbox.record(new PostRemoved(post.communityId.toString(), post.id.toString(),
                null, post.authorId, callerId, reason), post.removedAt));
    }
}
