package io.hearth.content.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.contracts.events.AnswerAccepted;
import io.hearth.content.domain.PostKind;
import io.hearth.content.mapping.PostView;
import io.hearth.content.repository.ReplyRepository;
import io.hearth.platform.access.CommunityAccess;
import io.hearth.platform.outbox.Outbox;
import io.hearth.platform.rest.ProblemType;
import io.hearth.platform.rest.Problems;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** A question's asker, or staff, accept one standing reply to it as its answer. */
@ApplicationScoped
public class QuestionService {
    private final PostLookup lookup;
    private final ReplyRepository replies;
    private final CommunityAccess access;
    private final Outbox outbox;

    public QuestionService(PostLookup lookup, ReplyRepository replies, CommunityAccess access, Outbox outbox) {
        this.lookup = lookup;
        this.replies = replies;
        this.access = access;
        this.outbox = outbox;
    }

    /**
     * Accepts the reply as the question's answer, replacing any accepted before, and publishes hearth.answer.accepted;
     * accepting the answer already accepted changes nothing and publishes nothing.
     */
    @WithTransaction
    public Uni<PostView> accept(UUID communityId, UUID postId, UUID replyId, String callerId) {
        return access.requireWriter(communityId.toString(), callerId, CommunityAccess.ANY_MEMBER)
                .chain(role -> lookup.lockStanding(communityId, postId).chain(post -> {
                    if (!post.authorId.equals(callerId) && !CommunityAccess.STAFF.contains(role)) {
                        throw Problems.forbidden("Only who asked, the owner or an admin may accept an answer to "
                                + postId + ".");
                    }
                    if (post.kind != PostKind.QUESTION) {
                        throw Problems.of(ProblemType.NOT_A_QUESTION, "Post " + postId + " is a " + post.kind
                                + ", not a QUESTION: it has no answer to accept.");
                    }
                    return replies.findToPost(communityId, postId, replyId).chain(reply -> {
                        if (reply == null || reply.removedAt != null) {
                            throw Problems.of(ProblemType.REPLY_UNAVAILABLE, "Reply " + replyId + " is not a "
                                    + "standing reply to post " + postId + ".");
                        }
                        if (replyId.equals(post.acceptedReplyId)) {
                            return lookup.view(post, callerId);
                        }
                        post.acceptedReplyId = replyId;
                        return outbox.record(new AnswerAccepted(communityId.toString(), postId.toString(),
                                replyId.toString(), reply.authorId, callerId), Instant.now())
                                .chain(() -> lookup.view(post, callerId));
                    });
                }));
    }
}
