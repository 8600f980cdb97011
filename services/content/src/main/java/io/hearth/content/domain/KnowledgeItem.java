package io.hearth.content.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A post in the knowledge base (featured, or a question with an accepted answer), with its accepted answer if any and
 * the key it is ranked by in the list that read it.
 */
public record KnowledgeItem(long seq, UUID postId, UUID communityId, String authorId, PostKind kind, String body,
        List<String> topics, Instant createdAt, Instant featuredAt, String featuredBy, int replyCount,
        int reactionCount, Answer acceptedAnswer, KnowledgeRank rank) {

    /** The reply accepted as a question's answer. */
    public record Answer(UUID replyId, String authorId, String body, Instant createdAt) {
    }
}
