package io.hearth.content.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.contracts.events.BroadcastPublished;
import io.hearth.contracts.events.PostCreated;
import io.hearth.content.domain.Broadcast;
import io.hearth.content.domain.Post;
import io.hearth.content.domain.PostKind;
import io.hearth.content.repository.PostRepository;
import io.hearth.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;

/**
 * Makes a scheduled post or a broadcast's copy appear: the post and its events in the caller's transaction. The event
 * time is the post's creation time, the moment it appears (not when it was scheduled).
 */
@ApplicationScoped
public class Publication {
    private final PostRepository posts;
    private final Outbox outbox;

    public Publication(PostRepository posts, Outbox outbox) {
        this.posts = posts;
        this.outbox = outbox;
    }

    /**
     * Inserts the post and records hearth.post.created; for a broadcast's copy ({@code broadcast} not null) also
     * hearth.broadcast.published, from which the members' inboxes are filled.
     */
    public Uni<Post> publish(Post post, Broadcast broadcast) {
        String community = post.communityId.toString();
        String broadcastId = post.broadcastId == null ? null : post.broadcastId.toString();
        String kind = post.kind == PostKind.POST ? null : post.kind.name();
        return posts.persist(post)
                .call(() -> outbox.record(new PostCreated(community, post.id.toString(), post.authorId,
                        post.topics, post.bodyLength(), kind, broadcastId), post.createdAt))
                .call(() -> broadcast == null ? Uni.createFrom().voidItem()
                        : outbox.record(new BroadcastPublished(community, broadcastId, post.id.toString(),
                                broadcast.senderId, List.copyOf(broadcast.communityIds)), post.createdAt));
    }
}
