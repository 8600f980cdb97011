package io.hearth.content.mapping;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.content.domain.KnowledgeItem;
import io.hearth.content.domain.PostKind;

@Schema(description = "A post in the community's knowledge base: featured (by staff, or nominated automatically by "
        + "hearth), or a question with an accepted answer, or both",
        requiredProperties = { "postId", "communityId", "authorId", "kind", "body", "topics", "createdAt",
                "replyCount", "reactionCount" })
public record KnowledgeItemView(UUID postId, UUID communityId,
        @Schema(description = "Keycloak subject of the post's author") String authorId,
        @Schema(description = "POST, QUESTION, WELCOME or BROADCAST") PostKind kind, String body,
        @Schema(description = "Topic tags as stored: trimmed, lower case, without '#'") List<String> topics,
        Instant createdAt,
        @Schema(description = "When it was featured; absent when it is here only for its accepted answer")
        Instant featuredAt,
        @Schema(description = "Who featured it: a staff member's subject, or hearth when it was nominated "
                + "automatically; absent when not featured") String featuredBy,
        @Schema(description = "Replies to the post") int replyCount,
        @Schema(description = "Reactions to the post") int reactionCount,
        @Schema(description = "For a question: the reply accepted as its answer; absent when there is none")
        AcceptedAnswerView acceptedAnswer) {

    @Schema(description = "The reply accepted as a question's answer", requiredProperties = { "replyId", "authorId",
            "body", "createdAt" })
    public record AcceptedAnswerView(UUID replyId,
            @Schema(description = "Keycloak subject of who answered") String authorId, String body,
            Instant createdAt) {
    }

    public static KnowledgeItemView of(KnowledgeItem item) {
        KnowledgeItem.Answer a = item.acceptedAnswer();
        return new KnowledgeItemView(item.postId(), item.communityId(), item.authorId(), item.kind(), item.body(),
                item.topics(), item.createdAt(), item.featuredAt(), item.featuredBy(), item.replyCount(),
                item.reactionCount(),
                a == null ? null : new AcceptedAnswerView(a.replyId(), a.authorId(), a.body(), a.createdAt()));
    }
}
