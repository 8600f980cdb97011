package io.hearth.content.mapping;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.content.domain.Post;

@Schema(description = "A post in a community",
        requiredProperties = { "id", "communityId", "authorId", "body", "topics", "createdAt" })
public record PostView(UUID id, UUID communityId,
        @Schema(description = "Keycloak subject of the author") String authorId, String body,
        @Schema(description = "Topic tags as stored: trimmed, lower case, without '#', each once; empty for none")
        List<String> topics, Instant createdAt) {

    public static PostView of(Post post) {
        return new PostView(post.id, post.communityId, post.authorId, post.body, List.copyOf(post.topics),
                post.createdAt);
    }
}
