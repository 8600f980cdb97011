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
import io.hearth.contracts.events.PostCreated;
import io.hearth.content.domain.Post;
import io.hearth.content.mapping.CreatePostRequest;
import io.hearth.content.mapping.PostView;
import io.hearth.content.repository.PostRepository;
import io.hearth.platform.access.CommunityAccess;
import io.hearth.platform.idempotency.IdempotencyKeys;
import io.hearth.platform.outbox.Outbox;
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
    private final Outbox outbox;

    public PostService(PostRepository posts, CommunityAccess access, IdempotencyKeys idempotency, Outbox outbox) {
        this.posts = posts;
        this.access = access;
        this.idempotency = idempotency;
        this.outbox = outbox;
    }

    /**
     * A member of the community (staff included) who is not muted posts in it; the post and its event commit together.
     */
    @WithTransaction
    public Uni<IdempotencyKeys.Outcome<PostView>> create(UUID communityId, CreatePostRequest request,
            String authorId, String idempotencyKey) {
        return Uni.createFrom().item(() -> normalise(request.topics()))
                // A muted member reads but does not post (403 muted, until when).
                .call(() -> access.requireWriter(communityId.toString(), authorId, CommunityAccess.ANY_MEMBER))
                .chain(topics -> idempotency.once("create-post:" + communityId, authorId, idempotencyKey, request,
                        () -> insert(communityId, request.body().strip(), topics, authorId),
                        view -> view.id().toString(), id -> view(communityId, UUID.fromString(id))));
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
                        idempotencyKey, request, () -> insert(communityId, request.body().strip(), topics, clientId),
                        view -> view.id().toString(), id -> view(communityId, UUID.fromString(id))));
    }

    private Uni<PostView> insert(UUID communityId, String body, List<String> topics, String authorId) {
        Post post = new Post();
        post.id = UUID.randomUUID();
        post.communityId = communityId;
        post.authorId = authorId;
        post.body = body;
        post.topics = topics;
        post.createdAt = Instant.now();
        return posts.persist(post)
                .call(() -> outbox.record(new PostCreated(communityId.toString(), post.id.toString(), authorId,
                        topics, post.bodyLength()), post.createdAt))
                .map(PostView::of);
    }

    /** One post, for members of its community. */
    @WithSession
    public Uni<PostView> get(UUID communityId, UUID postId, String callerId) {
        return access.require(communityId.toString(), callerId, CommunityAccess.ANY_MEMBER)
                .chain(() -> view(communityId, postId));
    }

    /** The community's posts, newest first, optionally only those with a topic; for its members. */
    @WithSession
    public Uni<Page<PostView>> list(UUID communityId, String topic, String callerId, long afterSeq, int limit) {
        long before = afterSeq == 0 ? Long.MAX_VALUE : afterSeq;
        return Uni.createFrom().item(() -> topic == null ? null : normaliseOne("topic", topic))
                .call(() -> access.require(communityId.toString(), callerId, CommunityAccess.ANY_MEMBER))
                .chain(wanted -> posts.pageNewestFirst(communityId, before, wanted, limit))
                .map(rows -> Page.of(rows, limit, p -> String.valueOf(p.seq), PostView::of));
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

    private static String normaliseOne(String field, String topic) {
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
