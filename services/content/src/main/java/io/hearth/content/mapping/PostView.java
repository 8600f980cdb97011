package io.hearth.content.mapping;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.content.domain.Post;
import io.hearth.content.domain.PostKind;
import io.hearth.content.domain.Reaction;
import io.hearth.content.domain.ReactionTally;

@Schema(description = "A post in a community",
        requiredProperties = { "id", "communityId", "authorId", "body", "topics", "createdAt", "kind", "replyCount",
                "reactions", "myReactions" })
public record PostView(UUID id, UUID communityId,
        @Schema(description = "Keycloak subject of the author") String authorId, String body,
        @Schema(description = "Topic tags as stored: trimmed, lower case, without '#', each once; empty for none")
        List<String> topics, Instant createdAt,
        @Schema(description = "POST, QUESTION (may have an accepted answer), WELCOME (content's welcome to newcomers) "
                + "or BROADCAST (a broadcast's copy)") PostKind kind,
        @Schema(description = "Replies that stand (removed ones are not counted)") int replyCount,
        ReactionCounts reactions,
        @Schema(description = "The reactions the caller gave to this post, in the set's order; empty for none")
        List<Reaction> myReactions,
        @Schema(description = "When the author last edited it; absent if never") Instant editedAt,
        @Schema(description = "For a question: the reply accepted as its answer; absent while it has none")
        UUID acceptedReplyId) {

    /** A post nobody has reacted to yet, as when it is created. */
    public static PostView of(Post post) {
        return of(post, ReactionTally.NONE);
    }

    /** A post with its reactions, {@code tally.mine()} being the reader's own. */
    public static PostView of(Post post, ReactionTally tally) {
        return new PostView(post.id, post.communityId, post.authorId, post.body, List.copyOf(post.topics),
                post.createdAt, post.kind, post.replyCount, ReactionCounts.of(tally),
                tally.mine().stream().sorted().toList(), post.editedAt, post.acceptedReplyId);
    }
}
