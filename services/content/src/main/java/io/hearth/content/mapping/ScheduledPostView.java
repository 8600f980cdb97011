package io.hearth.content.mapping;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.content.domain.ScheduledPost;

@Schema(description = "A post waiting for its publication time; it appears as a post with the same id then",
        requiredProperties = { "id", "communityId", "authorId", "body", "topics", "kind", "status", "publishAt",
                "createdAt" })
public record ScheduledPostView(UUID id, UUID communityId,
        @Schema(description = "Keycloak subject of the author") String authorId, String body, List<String> topics,
        @Schema(description = "POST, or BROADCAST for a broadcast's copy", enumeration = { "POST", "QUESTION",
                "BROADCAST" }) String kind,
        @Schema(description = "For a broadcast's copy: the broadcast") UUID broadcastId,
        @Schema(description = "Always SCHEDULED: once published it is a post, once cancelled it is gone",
                enumeration = "SCHEDULED") String status,
        @Schema(description = "When it will be published") Instant publishAt,
        @Schema(description = "When it was scheduled") Instant createdAt) {

    public static ScheduledPostView of(ScheduledPost post) {
        return new ScheduledPostView(post.id, post.communityId, post.authorId, post.body, List.copyOf(post.topics),
                post.kind.name(), post.broadcastId, "SCHEDULED", post.publishAt, post.createdAt);
    }
}
