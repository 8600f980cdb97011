package io.hearth.content.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.content.domain.Broadcast;
import io.hearth.content.domain.PostKind;
import io.hearth.content.domain.ScheduledPost;
import io.hearth.content.mapping.BroadcastView;
import io.hearth.content.mapping.CreateBroadcastRequest;
import io.hearth.content.repository.BroadcastRepository;
import io.hearth.content.repository.MemberRoles;
import io.hearth.content.repository.ScheduledPostRepository;
import io.hearth.platform.access.CommunityAccess;
import io.hearth.platform.access.ReplicatedMember;
import io.hearth.platform.idempotency.IdempotencyKeys;
import io.hearth.platform.rest.ProblemType;
import io.hearth.platform.rest.Problems;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Broadcasts: one message from staff to several communities. A post of kind BROADCAST (body: title, blank line, body)
 * appears in each target, now or at publishAt through {@link PostScheduler}; each copy publishes hearth.post.created
 * and hearth.broadcast.published, from which {@code BroadcastDelivery} (through OwnEventsConsumer) fills the members' inboxes.
 */
@ApplicationScoped
public class BroadcastService {
    private final BroadcastRepository broadcasts;
    private final ScheduledPostRepository scheduled;
    private final MemberRoles roles;
    private final Publication publication;
    private final IdempotencyKeys idempotency;

    public BroadcastService(BroadcastRepository broadcasts, ScheduledPostRepository scheduled, MemberRoles roles,
            Publication publication, IdempotencyKeys idempotency) {
        this.broadcasts = broadcasts;
        this.scheduled = scheduled;
        this.roles = roles;
        this.publication = publication;
        this.idempotency = idempotency;
    }

    /**
     * The sender must be the owner or an admin, not muted, of every target community; the refusal names those where
     * they are not.
     */
    @WithTransaction
    public Uni<IdempotencyKeys.Outcome<BroadcastView>> create(CreateBroadcastRequest request, String senderId,
            String idempotencyKey) {
        Instant now = Instant.now();
        Set<UUID> targets = new LinkedHashSet<>(request.communityIds());
        if (targets.size() != request.communityIds().size()) {
            return Uni.createFrom().failure(Problems.invalidField("communityIds", "must list each community once"));
        }
        Instant publishAt;
        try {
            publishAt = request.publishAt() == null ? null : PublishTimes.check(request.publishAt(), now);
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
        List<String> ids = targets.stream().map(UUID::toString).toList();
        return roles.of(senderId, ids).invoke(standings -> requireStaffOfAll(ids, standings, now))
                .chain(() -> idempotency.once("create-broadcast", senderId, idempotencyKey, request,
                        () -> insert(request, ids, senderId, publishAt, now),
                        view -> view.id().toString(), id -> view(broadcasts.findById(UUID.fromString(id)))));
    }

    private static void requireStaffOfAll(List<String> ids, List<ReplicatedMember> standings, Instant now) {
        Map<String, ReplicatedMember> byCommunity = standings.stream()
                .collect(Collectors.toMap(m -> m.communityId, Function.identity()));
        List<String> notStaff = ids.stream().filter(id -> byCommunity.get(id) == null
                || !CommunityAccess.STAFF.contains(byCommunity.get(id).role)).toList();
        if (!notStaff.isEmpty()) {
            throw Problems.forbidden("A broadcast needs you to be the owner or an admin of every community it "
                    + "targets; you are not in " + String.join(", ", notStaff) + ".");
        }
        List<String> muted = ids.stream().filter(id -> byCommunity.get(id).mutedUntil != null
                && byCommunity.get(id).mutedUntil.isAfter(now)).toList();
        if (!muted.isEmpty()) {
            throw Problems.of(ProblemType.MUTED, "You are muted in " + String.join(", ", muted)
                    + ": you may read, but not write, there until the mute ends.");
        }
    }

    private Uni<BroadcastView> insert(CreateBroadcastRequest request, List<String> ids, String senderId,
            Instant publishAt, Instant now) {
        Broadcast broadcast = new Broadcast();
        broadcast.id = UUID.randomUUID();
        broadcast.senderId = senderId;
        broadcast.title = request.title().strip();
        broadcast.body = request.body().strip();
        broadcast.communityIds = new ArrayList<>(ids);
        broadcast.publishAt = publishAt == null ? now : publishAt;
        broadcast.createdAt = now;
        // In community order: the outbox locks each community as it records (see PostScheduler).
        List<UUID> inOrder = ids.stream().map(UUID::fromString).sorted().toList();
        Uni<Void> chain = broadcasts.persist(broadcast).replaceWithVoid();
        for (UUID community : inOrder) {
            chain = chain.chain(() -> publishAt == null
                    ? publication.publish(copy(broadcast, community).toPost(now), broadcast).replaceWithVoid()
                    : scheduled.persist(copy(broadcast, community)).replaceWithVoid());
        }
        return chain.replaceWith(() -> toView(broadcast, publishAt == null ? "PUBLISHED" : "SCHEDULED"));
    }

    /** The broadcast's post for one community, as a scheduled row (published at once when there is no publishAt). */
    private static ScheduledPost copy(Broadcast broadcast, UUID communityId) {
        ScheduledPost post = new ScheduledPost();
        post.id = UUID.randomUUID();
        post.communityId = communityId;
        post.authorId = broadcast.senderId;
        post.body = broadcast.postBody();
        post.topics = new ArrayList<>();
        post.kind = PostKind.BROADCAST;
        post.broadcastId = broadcast.id;
        post.publishAt = broadcast.publishAt;
        post.createdAt = broadcast.createdAt;
        return post;
    }

    /** A broadcast and its figures, for its sender or staff of any of its target communities. */
    @WithSession
    public Uni<BroadcastView> get(UUID broadcastId, String callerId) {
        return broadcasts.findById(broadcastId)
                .onItem().ifNull().failWith(() -> Problems.notFound("No broadcast " + broadcastId + "."))
                .call(broadcast -> requireSenderOrStaff(broadcast, callerId))
                .chain(broadcast -> view(Uni.createFrom().item(broadcast)));
    }

    private Uni<Void> requireSenderOrStaff(Broadcast broadcast, String callerId) {
        if (broadcast.senderId.equals(callerId)) {
            return Uni.createFrom().voidItem();
        }
        return roles.of(callerId, broadcast.communityIds).invoke(standings -> {
            if (standings.stream().noneMatch(m -> CommunityAccess.STAFF.contains(m.role))) {
                throw Problems.forbidden("A broadcast's figures are for its sender and the owners and admins of the "
                        + "communities it targets.");
            }
        }).replaceWithVoid();
    }

    private Uni<BroadcastView> view(Uni<Broadcast> found) {
        return found.onItem().ifNull().failWith(() -> Problems.notFound("No such broadcast."))
                .chain(broadcast -> scheduled.countOfBroadcast(broadcast.id)
                        .chain(waiting -> waiting > 0 ? Uni.createFrom().item("SCHEDULED")
                                : broadcasts.publishedCopies(broadcast.id)
                                        .map(published -> published > 0 ? "PUBLISHED" : "CANCELLED"))
                        .map(status -> toView(broadcast, status)));
    }

    private static BroadcastView toView(Broadcast b, String status) {
        return new BroadcastView(b.id, b.senderId, b.title, b.body, b.communityIds.stream().map(UUID::fromString)
                .toList(), b.publishAt, b.createdAt, status, b.delivered, b.suppressed, b.readCount);
    }
}
