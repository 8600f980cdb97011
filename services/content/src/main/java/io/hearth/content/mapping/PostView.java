package io.hearth.content.mapping;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.hearth.content.domain.Post;

public record PostView(UUID id, UUID communityId, String authorId, String body, List<String> topics,
        Instant createdAt) {

    public static PostView of(Post post) {
        return new PostView(post.id, post.communityId, post.authorId, post.body, List.copyOf(post.topics),
                post.createdAt);
    }
}
