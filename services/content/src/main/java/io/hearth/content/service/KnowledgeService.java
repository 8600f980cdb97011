package io.hearth.content.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.contracts.events.PostFeatured;
import io.hearth.contracts.events.PostUnfeatured;
import io.hearth.content.domain.KnowledgeRank;
import io.hearth.content.domain.Post;
import io.hearth.content.mapping.KnowledgeItemView;
import io.hearth.content.mapping.KnowledgeSettingsView;
import io.hearth.content.repository.KnowledgeRepository;
import io.hearth.content.repository.PostRepository;
import io.hearth.content.search.SearchIndex;
import io.hearth.platform.access.CommunityAccess;
import io.hearth.platform.outbox.Outbox;
import io.hearth.platform.rest.Page;
import io.hearth.platform.rest.Problems;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The knowledge base: staff feature and unfeature posts, posts are nominated automatically when their replies plus
 * reactions reach the community's threshold, and members search what is in it.
 */
@ApplicationScoped
public class KnowledgeService {
    /** Who features a post that was nominated automatically (as content's welcomes are authored by it). */
    public static final String NOMINATOR = "hearth";

    private final PostRepository posts;
    private final KnowledgeRepository knowledge;
    private final SearchIndex index;
    private final CommunityAccess access;
    private final Outbox outbox;

    public KnowledgeService(PostRepository posts, KnowledgeRepository knowledge, SearchIndex index,
            CommunityAccess access, Outbox outbox) {
        this.posts = posts;
        this.knowledge = knowledge;
        this.index = index;
        this.access = access;
        this.outbox = outbox;
    }

    /**
     * Staff feature a standing post; featuring one already featured (by staff or by nomination) changes nothing and
     * publishes nothing. The item is read after the commit.
     */
    public Uni<KnowledgeItemView> feature(UUID communityId, UUID postId, String callerId) {
        return Panache.withTransaction(() -> access.require(communityId.toString(), callerId, CommunityAccess.STAFF)
                .chain(() -> standingPost(communityId, postId))
                .chain(post -> {
                    Instant now = Instant.now();
                    return knowledge.feature(communityId, postId, callerId, now)
                            .chain(featured -> featured ? featured(post, callerId, false, now)
                                    : Uni.createFrom().voidItem());
                }))
                .chain(() -> knowledge.find(communityId, postId))
                // Removed between the commit and this read.
                .onItem().ifNull().failWith(() -> noPost(communityId, postId))
                .map(KnowledgeItemView::of);
    }

    /**
     * Staff take a post out of the knowledge base; it is then never nominated automatically again (staff may still
     * feature it). Unfeaturing a post that is not featured keeps it out of nomination and publishes nothing.
     */
    @WithTransaction
    public Uni<Void> unfeature(UUID communityId, UUID postId, String callerId) {
        return access.require(communityId.toString(), callerId, CommunityAccess.STAFF)
                .chain(() -> standingPost(communityId, postId))
                .chain(post -> {
                    Instant now = Instant.now();
                    return knowledge.unfeature(communityId, postId, callerId, now)
                            .chain(was -> was ? outbox.record(new PostUnfeatured(communityId.toString(),
                                    postId.toString(), callerId), now) : Uni.createFrom().voidItem());
                });
    }

    /**
     * Nominates the post when it qualifies (see {@link KnowledgeRepository#nominate}), in the caller's transaction
     * (the knowledge consumer's, which claims the event that made it qualify).
     */
    public Uni<Void> nominate(UUID communityId, UUID postId) {
        Instant now = Instant.now();
        return knowledge.nominate(communityId, postId, NOMINATOR, now)
                .chain(nominated -> !nominated ? Uni.createFrom().voidItem()
                        : posts.findInCommunity(communityId, postId)
                                .chain(post -> featured(post, NOMINATOR, true, now)));
    }

    /** Re-indexes a post whose text or accepted answer changed, in the caller's transaction. */
    public Uni<Void> reindex(UUID communityId, UUID postId) {
        return index.refresh(communityId, postId);
    }

    /**
     * The community's knowledge items for a member, ranked ({@link KnowledgeRank}), optionally matching a text query
     * and a topic, paged by the rank of the last item seen.
     */
    @WithSession
    public Uni<Page<KnowledgeItemView>> search(UUID communityId, String q, String topic, String after, int limit,
            String callerId) {
        return Uni.createFrom().item(() -> new Search(tsquery(q), topic == null ? null
                : PostService.normaliseOne("topic", topic), cursor(after)))
                .call(() -> access.require(communityId.toString(), callerId, CommunityAccess.ANY_MEMBER))
                .chain(s -> knowledge.page(communityId, s.tsquery(), s.topic(), s.after(), limit))
                .map(rows -> Page.of(rows, limit, item -> item.rank().cursor(), KnowledgeItemView::of));
    }

    @WithSession
    public Uni<KnowledgeSettingsView> settings(UUID communityId, String callerId) {
        return access.require(communityId.toString(), callerId, CommunityAccess.STAFF)
                .chain(() -> knowledge.threshold(communityId))
                .map(threshold -> new KnowledgeSettingsView(communityId, threshold));
    }

    @WithTransaction
    public Uni<KnowledgeSettingsView> updateSettings(UUID communityId, int threshold, String callerId) {
        return access.require(communityId.toString(), callerId, CommunityAccess.STAFF)
                .chain(() -> knowledge.setThreshold(communityId, threshold, callerId, Instant.now()))
                .map(ignored -> new KnowledgeSettingsView(communityId, threshold));
    }

    private record Search(String tsquery, String topic, KnowledgeRank after) {
    }

    /** The index is refreshed as the post enters (a post written before the index existed has none yet). */
    private Uni<Void> featured(Post post, String by, boolean automatic, Instant at) {
        return index.refresh(post)
                .chain(() -> outbox.record(new PostFeatured(post.communityId.toString(), post.id.toString(),
                        post.authorId, by, automatic), at));
    }

    private Uni<Post> standingPost(UUID communityId, UUID postId) {
        return posts.findInCommunity(communityId, postId).map(post -> {
            if (post == null || post.removedAt != null) {
                throw noPost(communityId, postId);
            }
            return post;
        });
    }

    private static RuntimeException noPost(UUID communityId, UUID postId) {
        return Problems.notFound("No post " + postId + " in community " + communityId + ".");
    }

    private static String tsquery(String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        String query = SearchIndex.query(q);
        if (query == null) {
            throw Problems.invalidField("q", "has no letters, digits or CJK characters to search for");
        }
        return query;
    }

    private static KnowledgeRank cursor(String after) {
        if (after == null || after.isBlank()) {
            return null;
        }
        KnowledgeRank rank = KnowledgeRank.parse(after);
        if (rank == null) {
            throw Problems.invalidField("after", "is not a cursor this list returned");
        }
        return rank;
    }
}
