package io.hearth.membership.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.contracts.events.CommunityCreated;
import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.MemberJoined;
import io.hearth.membership.domain.Community;
import io.hearth.membership.domain.Membership;
import io.hearth.membership.mapping.CommunityView;
import io.hearth.membership.mapping.CreateCommunityRequest;
import io.hearth.membership.repository.CommunityRepository;
import io.hearth.membership.repository.MembershipRepository;
import io.hearth.platform.access.CommunityAccess;
import io.hearth.platform.idempotency.IdempotencyKeys;
import io.hearth.platform.outbox.Outbox;
import io.hearth.platform.rest.Problems;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CommunityService {
    private final CommunityRepository communities;
    private final MembershipRepository memberships;
    private final CommunityAccess access;
    private final IdempotencyKeys idempotency;
    private final Outbox outbox;

    public CommunityService(CommunityRepository communities, MembershipRepository memberships, CommunityAccess access,
            IdempotencyKeys idempotency, Outbox outbox) {
        this.communities = communities;
        this.memberships = memberships;
        this.access = access;
        this.idempotency = idempotency;
        this.outbox = outbox;
    }

    /** Creates a community owned by the caller, who becomes its first member with the OWNER role. */
    @WithTransaction
    public Uni<IdempotencyKeys.Outcome<CommunityView>> create(CreateCommunityRequest request, String ownerId,
            String ownerName, String idempotencyKey) {
        return idempotency.once("create-community", ownerId, idempotencyKey, request,
                () -> insert(request, ownerId, ownerName).map(CommunityView::of), view -> view.id().toString(),
                id -> view(UUID.fromString(id)));
    }

    /** The community, its owner's membership and their events; also how a live code's overflow creates one. */
    Uni<Community> insert(CreateCommunityRequest request, String ownerId, String ownerName) {
        Instant now = Instant.now();
        Community community = new Community();
        community.id = UUID.randomUUID();
        community.name = request.name().strip();
        community.theme = request.theme().strip();
        community.kind = request.kind();
        community.sizeCap = request.sizeCap();
        community.ownerId = ownerId;
        community.createdAt = now;
        community.memberCount = 1;
        Membership owner = new Membership();
        owner.communityId = community.id;
        owner.userId = ownerId;
        owner.role = CommunityRole.OWNER;
        owner.joinedAt = now;
        owner.displayName = ownerName;
        String id = community.id.toString();
        return communities.persist(community)
                .call(() -> memberships.persist(owner))
                .call(() -> outbox.record(new CommunityCreated(id, community.name, community.theme,
                        community.kind.name(), community.sizeCap, ownerId), now))
                .call(() -> outbox.record(new MemberJoined(id, ownerId, CommunityRole.OWNER, null, null, null, null, null,
                        null, ownerName), now))
                .replaceWith(community);
    }

    /** The community, for its members. */
    @WithSession
    public Uni<CommunityView> get(UUID communityId, String callerId) {
        return access.require(communityId.toString(), callerId, CommunityAccess.ANY_MEMBER)
                .chain(() -> view(communityId));
    }

    private Uni<CommunityView> view(UUID communityId) {
        return communities.findById(communityId)
                .onItem().ifNull().failWith(() -> Problems.notFound("No community " + communityId + "."))
                .map(CommunityView::of);
    }
}
