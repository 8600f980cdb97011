package io.hearth.content.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.contracts.events.PartnerScope;
import io.hearth.content.domain.Post;
import io.hearth.content.domain.PostKind;
import io.hearth.content.domain.ReactionTally;
import io.hearth.content.mapping.CreatePostRequest;
import io.hearth.content.mapping.PostView;
import io.hearth.content.repository.PostRepository;
import io.hearth.platform.access.CommunityAccess;
import io.hearth.platform.idempotency.IdempotencyKeys;
import io.hearth.platform.rest.Page;
import io.hearth.platform.rest.Problems;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PostService {
    private final PostRepository posts;
    private final CommunityAccess access;
    private final IdempotencyKeys idempotency;
    private final PostLookup lookup;
    private final Publication publication;
    private final ModerationRules moderation;

    public PostService(PostRepository posts, CommunityAccess access, IdempotencyKeys idempotency,
            PostLookup lookup, Publication publication, ModerationRules moderation) {
        this.posts = posts;
        this.access = access;
        this.idempotency = idempotency;
        this.lookup = lookup;
        this.publication = publication;
        this.moderation = moderation;
    }

    /**
     * A member of the community (staff included) who is not muted posts in it, if the text passes the community's
     * moderation rules; the post and its event commit together. A replayed Idempotency-Key returns the first post
     * without checking again.
     */
    @WithTransaction
    public Uni<IdempotencyKeys.Outcome<PostView>> create(UUID communityId, CreatePostRequest request,
            String authorId, String idempotencyKey) {
        String body = request.body().strip();
        return Uni.createFrom().item(() -> normalise(request.topics()))
                .chain(topics -> access.requireWriter(communityId.toString(), authorId, CommunityAccess.ANY_MEMBER)
                        // A muted member reads but does not post (403 muted, until when).
                        .chain(role -> idempotency.once("create-post:" + communityId, authorId, idempotencyKey,
                                request, () -> moderation.check(communityId, authorId, role, body)
                                        .chain(() -> insert(communityId, body, topics, authorId, request.postKind())),
                                view -> view.id().toString(), id -> view(communityId, UUID.fromString(id)))));
    }

    /**
     * A partner client granted posts:write posts in the community; its client id is the author, as the event says.
     * Its Idempotency-Keys are its own, apart from any person's.
     */
    @WithTransaction
    public Uni<IdempotencyKeys.Outcome<PostView>> createAsPartner(UUID communityId, CreatePostRequest request,
            String clientId, String idempotencyKey) {
        return Uni.createFrom().item(() -> normalise(request.topics()))
                .call(() -> access.requirePartner(communityId.toString(), clientId, PartnerScope.POSTS_WRITE))
                .chain(topics -> idempotency.once("create-post:" + communityId, "partner:" + clientId,
                        idempotencyKey, request, () -> insert(communityId, request.body().strip(), topics, clientId,
                                request.postKind()),
                        view -> view.id().toString(), id -> view(communityId, UUID.fromString(id))));
    }

    private Uni<PostView> insert(UUID communityId, String body, List<String> topics, String authorId, PostKind kind) {
        Post post = new Post();
        post.id = UUID.randomUUID();
        post.communityId = communityId;
        post.authorId = authorId;
        post.body = body;
        post.topics = topics;
        post.createdAt = Instant.now();
        post.kind = kind;
        // Not indexed for search yet: only featured posts and answered questions are searched, and they are indexed
        // when they become one (SearchIndex).
        return publication.publish(post, null).map(PostView::of);
    }

    /** One post, for members of its community, with its reactions and the caller's own; 410 once removed. */
    @WithSession
    public Uni<PostView> get(UUID communityId, UUID postId, String callerId) {
        return access.require(communityId.toString(), callerId, CommunityAccess.ANY_MEMBER)
                .chain(() -> lookup.standing(communityId, postId))
                .chain(post -> lookup.view(post, callerId));
    }

    /**
     * The community's standing posts, newest first, optionally only those with a topic, of a kind, or the questions
     * still without an accepted answer ({@code unanswered}, which implies kind QUESTION); for its members.
     */
    @WithSession
    public Uni<Page<PostView>> list(UUID communityId, String topic, PostKind kind, boolean unanswered,
            String callerId, long afterSeq, int limit) {
        long before = afterSeq == 0 ? Long.MAX_VALUE : afterSeq;
        if (unanswered && kind != null && kind != PostKind.QUESTION) {
            return Uni.createFrom().failure(Problems.invalidField("unanswered",
                    "only questions have answers: leave kind out or ask for QUESTION"));
        }
        PostKind wantedKind = unanswered ? PostKind.QUESTION : kind;
        return Uni.createFrom().item(() -> topic == null ? null : normaliseOne("topic", topic))
                .call(() -> access.require(communityId.toString(), callerId, CommunityAccess.ANY_MEMBER))
                .chain(wanted -> posts.pageNewestFirst(communityId, before, wanted, wantedKind, unanswered, limit))
                .chain(rows -> lookup.tallies(communityId, rows, callerId).map(tallies -> Page.of(rows, limit,
                        p -> String.valueOf(p.seq), p -> PostView.of(p, tallies.getOrDefault(p.id,
                                ReactionTally.NONE)))));
    }

    private Uni<PostView> view(UUID communityId, UUID postId) {
        return posts.findInCommunity(communityId, postId)
                .onItem().ifNull().failWith(() -> Problems.notFound("No post " + postId + " in community "
                        + communityId + "."))
                .map(PostView::of);
    }

    /** Topics as they are stored and published: trimmed, lower case, without a leading '#', each once, in order. */
    static List<String> normalise(List<String> topics) {
        if (topics == null) {
            return List.of();
        }
        Set<String> unique = new LinkedHashSet<>();
        for (String topic : topics) {
            unique.add(normaliseOne("topics", topic));
        }
        return new ArrayList<>(unique);
    }

    static String normaliseOne(String field, String topic) {
        String t = topic.strip();
        while (t.startsWith("#")) {
            t = t.substring(1).strip();
        }
        if (t.isEmpty() || t.length() > 40) {
            throw Problems.invalidField(field, "a topic must have 1 to 40 characters besides a leading '#'");
        }
        return t.toLowerCase(Locale.ROOT);
    }
}
