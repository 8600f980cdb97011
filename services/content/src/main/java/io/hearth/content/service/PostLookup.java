package io.hearth.content.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.content.domain.Post;
import io.hearth.content.domain.ReactionTally;
import io.hearth.content.mapping.PostView;
import io.hearth.content.repository.PostRepository;
import io.hearth.content.repository.ReactionRepository;
import io.hearth.platform.rest.ProblemType;
import io.hearth.platform.rest.Problems;
import io.smallrye.mutiny.Uni;

/**
 * Finds the post a route names, refusing one that is not in the community (404) or was taken down (410
 * post-removed), and shows posts as a reader sees them, with their reactions. The one place these rules live.
 */
@ApplicationScoped
public class PostLookup {
    private final PostRepository posts;
    private final ReactionRepository reactions;

    public PostLookup(PostRepository posts, ReactionRepository reactions) {
        this.posts = posts;
        this.reactions = reactions;
    }

    /** The standing post, to read. */
    public Uni<Post> standing(UUID communityId, UUID postId) {
        return posts.findInCommunity(communityId, postId).map(post -> standing(communityId, postId, post));
    }

    /** The standing post, locked until the transaction ends, to change. */
    public Uni<Post> lockStanding(UUID communityId, UUID postId) {
        return posts.lockInCommunity(communityId, postId).map(post -> standing(communityId, postId, post));
    }

    /** The post as {@code readerId} sees it: counts of each reaction and which ones are theirs. */
    public Uni<PostView> view(Post post, String readerId) {
        return reactions.tally(post.communityId, List.of(post.id), readerId)
                .map(tallies -> PostView.of(post, tallies.getOrDefault(post.id, ReactionTally.NONE)));
    }

    /** The tallies of a page of posts of one community, by post id, in one query. */
    public Uni<Map<UUID, ReactionTally>> tallies(UUID communityId, List<Post> page, String readerId) {
        return reactions.tally(communityId, page.stream().map(p -> p.id).toList(), readerId);
    }

    private static Post standing(UUID communityId, UUID postId, Post post) {
        if (post == null) {
            throw Problems.notFound("No post " + postId + " in community " + communityId + ".");
        }
        if (post.removedAt != null) {
            throw Problems.of(ProblemType.POST_REMOVED, "Post " + postId + " was removed on " + post.removedAt + ".");
        }
        return post;
    }
}
