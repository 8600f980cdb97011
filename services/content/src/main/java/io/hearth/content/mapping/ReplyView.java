package io.hearth.content.mapping;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.content.domain.Reply;

@Schema(description = "A reply to a post", requiredProperties = { "id", "communityId", "postId", "authorId", "body",
        "createdAt" })
public record ReplyView(UUID id, UUID communityId, UUID postId,
        @Schema(description = "Keycloak subject of the author") String authorId, String body, Instant createdAt,
        @Schema(description = "When the author last edited it; absent if never") Instant editedAt) {

    public static ReplyView of(Reply reply) {
        return new ReplyView(reply.id, reply.communityId, reply.postId, reply.authorId, reply.body, reply.createdAt,
                reply.editedAt);
    }
}
