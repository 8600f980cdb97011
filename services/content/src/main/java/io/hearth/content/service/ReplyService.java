package io.hearth.content.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.contracts.events.PostEdited;
import io.hearth.contracts.events.PostRemoved;
import io.hearth.contracts.events.ReplyCreated;
import io.hearth.content.domain.ModerationAction;
import io.hearth.content.domain.Post;
import io.hearth.content.domain.Reply;
import io.hearth.content.mapping.ReplyRequest;
import io.hearth.content.mapping.ReplyView;
import io.hearth.content.repository.ReplyRepository;
import io.hearth.platform.access.CommunityAccess;
import io.hearth.platform.idempotency.IdempotencyKeys;
import io.hearth.platform.outbox.Outbox;
import io.hearth.platform.rest.Page;
import io.hearth.platform.rest.ProblemType;
import io.hearth.platform.rest.Problems;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Replies to standing posts: members who are not muted write them, members read them oldest first. The post's
 * reply_count changes in the same transaction, under the post's row lock.
 */
@ApplicationScoped
public class ReplyService {
    private final ReplyRepository replies;
    private final PostLookup lookup;
    private final CommunityAccess access;
    private final IdempotencyKeys idempotency;
    private final ModerationAudit audit;
    private final Outbox outbox;
    private final ModerationRules moderation;

    public ReplyService(ReplyRepository replies, PostLookup lookup, CommunityAccess access,
            IdempotencyKeys idempotency, ModerationAudit audit, Outbox outbox, ModerationRules moderation) {
        this.replies = replies;
        this.lookup = lookup;
        this.access = access;
        this.idempotency = idempotency;
        this.audit = audit;
        this.outbox = outbox;
        this.moderation = moderation;
    }

    /**
     * A member who is not muted replies, if the text passes the community's moderation rules; publishes
     * hearth.reply.created naming whom they answered.
     */
    @WithTransaction
    public Uni<IdempotencyKeys.Outcome<ReplyView>> create(UUID communityId, UUID postId, ReplyRequest request,
            String authorId, String idempotencyKey) {
        String body = request.body().strip();
        return access.requireWriter(communityId.toString(), authorId, CommunityAccess.ANY_MEMBER)
                .chain(role -> idempotency.once("create-reply:" + postId, authorId, idempotencyKey, request,
                        () -> moderation.check(communityId, authorId, role, body)
                                .chain(() -> insert(communityId, postId, body, authorId)),
                        view -> view.id().toString(), id -> load(communityId, postId, UUID.fromString(id))));
    }

    private Uni<ReplyView> insert(UUID communityId, UUID postId, String body, String authorId) {
        return lookup.lockStanding(communityId, postId).chain(post -> {
            Reply reply = new Reply();
            reply.id = UUID.randomUUID();
            reply.communityId = communityId;
            reply.postId = postId;
            reply.authorId = authorId;
            reply.body = body;
            reply.createdAt = Instant.now();
            post.replyCount++;
            return replies.persist(reply)
                    .call(() -> outbox.record(new ReplyCreated(communityId.toString(), postId.toString(),
                            reply.id.toString(), authorId, post.authorId, reply.bodyLength()), reply.createdAt))
                    .map(ReplyView::of);
        });
    }

    /** The standing replies to a standing post, oldest first; for members. */
    @WithSession
    public Uni<Page<ReplyView>> list(UUID communityId, UUID postId, String callerId, long afterSeq, int limit) {
        return access.require(communityId.toString(), callerId, CommunityAccess.ANY_MEMBER)
                .chain(() -> lookup.standing(communityId, postId))
                .chain(post -> replies.pageOldestFirst(communityId, postId, afterSeq, limit))
                .map(rows -> Page.of(rows, limit, r -> String.valueOf(r.seq), ReplyView::of));
    }

    /** One standing reply to a standing post; for members. */
    @WithSession
    public Uni<ReplyView> get(UUID communityId, UUID postId, UUID replyId, String callerId) {
        return access.require(communityId.toString(), callerId, CommunityAccess.ANY_MEMBER)
                .chain(() -> lookup.standing(communityId, postId))
                .chain(post -> standingReply(communityId, postId, replyId))
                .map(ReplyView::of);
    }

    /** The author, not muted, replaces the body of their standing reply; publishes hearth.post.edited with replyId. */
    @WithTransaction
    public Uni<ReplyView> edit(UUID communityId, UUID postId, UUID replyId, ReplyRequest request, String callerId) {
        String body = request.body().strip();
        return access.requireWriter(communityId.toString(), callerId, CommunityAccess.ANY_MEMBER)
                .chain(role -> lookup.standing(communityId, postId)
                        .chain(post -> standingReply(communityId, postId, replyId))
                        .call(reply -> {
                            if (!reply.authorId.equals(callerId)) {
                                throw Problems.forbidden("Only the author of reply " + replyId + " may edit it.");
                            }
                            return moderation.checkEdit(communityId, callerId, role, body);
                        }))
                .chain(reply -> {
                    reply.body = body;
                    reply.editedAt = Instant.now();
                    return outbox.record(new PostEdited(communityId.toString(), postId.toString(),
                            replyId.toString(), reply.authorId, null, reply.bodyLength()), reply.editedAt)
                            .map(ignored -> ReplyView.of(reply));
                });
    }

    /**
     * Takes a standing reply down: its author (reason optional) or staff (reason required, audited as
     * REPLY_REMOVED). The post's reply count drops, and a question whose accepted answer it was has none again.
     * Publishes hearth.post.removed with replyId.
     */
    @WithTransaction
    public Uni<Void> remove(UUID communityId, UUID postId, UUID replyId, String reason, String callerId) {
        return Uni.createFrom().item(() -> Removals.reason(reason))
                .chain(why -> access.require(communityId.toString(), callerId, CommunityAccess.ANY_MEMBER)
                        .chain(role -> lookup.lockStanding(communityId, postId)
                                .chain(post -> standingReply(communityId, postId, replyId)
                                        .chain(reply -> remove(post, reply, why, callerId, Removals.byStaff(
                                                reply.authorId, callerId, role, why, "reply"))))));
    }

    private Uni<Void> remove(Post post, Reply reply, String reason, String callerId, boolean byStaff) {
        reply.removedAt = Instant.now();
        reply.removedBy = callerId;
        reply.removalReason = reason;
        post.replyCount--;
        if (reply.id.equals(post.acceptedReplyId)) {
            post.acceptedReplyId = null;
        }
        Uni<Void> audited = byStaff
                ? audit.record(post.communityId, callerId, ModerationAction.REPLY_REMOVED, post.id, reply.id,
                        reply.authorId, reason, null, reply.removedAt)
                : Uni.createFrom().voidItem();
        return audited.chain(() -> outbox.record(new PostRemoved(post.communityId.toString(), post.id.toString(),
                reply.id.toString(), reply.authorId, callerId, reason), reply.removedAt));
    }

    private Uni<Reply> standingReply(UUID communityId, UUID postId, UUID replyId) {
        return replies.findToPost(communityId, postId, replyId).map(reply -> {
            if (reply == null) {
                throw Problems.notFound("No reply " + replyId + " to post " + postId + ".");
            }
            if (reply.removedAt != null) {
                throw Problems.of(ProblemType.REPLY_REMOVED, "Reply " + replyId + " was removed on "
                        + reply.removedAt + ".");
            }
            return reply;
        });
    }

    private Uni<ReplyView> load(UUID communityId, UUID postId, UUID replyId) {
        return replies.findToPost(communityId, postId, replyId).map(ReplyView::of);
    }
}
