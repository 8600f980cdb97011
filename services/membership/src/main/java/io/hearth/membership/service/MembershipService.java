package io.hearth.membership.service;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.exception.ConstraintViolationException;

import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.MemberJoined;
import io.hearth.contracts.events.MemberLeft;
import io.hearth.contracts.events.MemberRoleChanged;
import io.hearth.membership.domain.AuditAction;
import io.hearth.membership.domain.Community;
import io.hearth.membership.domain.Entry;
import io.hearth.membership.domain.EntryChannel;
import io.hearth.membership.domain.Membership;
import io.hearth.membership.mapping.JoinRequest;
import io.hearth.membership.mapping.MemberView;
import io.hearth.membership.repository.CommunityRepository;
import io.hearth.membership.repository.EntryRepository;
import io.hearth.membership.repository.MembershipRepository;
import io.hearth.platform.access.CommunityAccess;
import io.hearth.platform.idempotency.IdempotencyKeys;
import io.hearth.platform.outbox.Outbox;
import io.hearth.platform.rest.ProblemException;
import io.hearth.platform.rest.ProblemType;
import io.hearth.platform.rest.Problems;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class MembershipService {
    private final CommunityRepository communities;
    private final EntryRepository entries;
    private final MembershipRepository memberships;
    private final CommunityAccess access;
    private final IdempotencyKeys idempotency;
    private final Outbox outbox;
    private final AuditLog audit;

    public MembershipService(CommunityRepository communities, EntryRepository entries,
            MembershipRepository memberships, CommunityAccess access, IdempotencyKeys idempotency, Outbox outbox,
            AuditLog audit) {
        this.communities = communities;
        this.entries = entries;
        this.memberships = memberships;
        this.access = access;
        this.idempotency = idempotency;
        this.outbox = outbox;
        this.audit = audit;
    }

    /**
     * The caller joins the community as a member, attributed to the entry they came through. The place is taken last,
     * by one conditional update of the community's member count, so that two joins cannot both take the last place
     * and the community row is locked only until the commit that follows.
     */
    @WithTransaction
    public Uni<IdempotencyKeys.Outcome<MemberView>> join(UUID communityId, String userId, String displayName,
            JoinRequest request, String idempotencyKey) {
        String entryCode = request.entryCode();
        return idempotency.once("join:" + communityId, userId, idempotencyKey, request,
                () -> insert(communityId, userId, displayName, entryCode), view -> userId,
                ignored -> memberships.findCurrent(communityId, userId)
                        .onItem().ifNull().failWith(() -> Problems.of(ProblemType.IDEMPOTENCY_CONFLICT,
                                "This Idempotency-Key joined you before, but you have left since."))
                        .map(MemberView::of));
    }

    private Uni<MemberView> insert(UUID communityId, String userId, String displayName, String entryCode) {
        return communities.findById(communityId)
                .onItem().ifNull().failWith(() -> Problems.notFound("No community " + communityId + "."))
                .call(community -> memberships.findCurrent(communityId, userId).invoke(existing -> {
                    if (existing != null) {
                        throw alreadyAMember(communityId);
                    }
                }))
                // Refuses early on the count as read; takePlace below is what holds the cap under concurrency.
                .invoke(community -> {
                    if (community.sizeCap != null && community.memberCount >= community.sizeCap) {
                        throw full(community);
                    }
                })
                .chain(community -> entryOf(communityId, entryCode).chain(entry -> {
                    Membership m = new Membership();
                    m.communityId = communityId;
                    m.userId = userId;
                    m.role = CommunityRole.MEMBER;
                    m.joinedAt = Instant.now();
                    m.displayName = displayName;
                    if (entry != null) {
                        m.entryCode = entry.code;
                        m.channel = entry.channel;
                        m.referrerId = entry.channel == EntryChannel.REFERRAL ? entry.createdBy : null;
                    }
                    return memberships.persist(m)
                            // The same person joining twice at once: the second waits on the unique index of
                            // current stays until the first commits, then fails here.
                            .onFailure(MembershipService::isSecondCurrentStay)
                            .transform(e -> alreadyAMember(communityId))
                            .call(() -> outbox.record(new MemberJoined(communityId.toString(), userId, m.role,
                                    m.entryCode, m.channel == null ? null : m.channel.name(), m.referrerId,
                                    m.source, m.liveCode, m.visitorId, m.displayName), m.joinedAt))
                            .call(() -> communities.takePlace(communityId).invoke(taken -> {
                                if (!taken) {
                                    throw full(community);
                                }
                            }))
                            .map(MemberView::of);
                }));
    }

    private static ProblemException alreadyAMember(UUID communityId) {
        return Problems.of(ProblemType.ALREADY_MEMBER, "You are already a member of community " + communityId + ".");
    }

    private static ProblemException full(Community community) {
        return Problems.of(ProblemType.COMMUNITY_FULL, "Community " + community.id + " is full: it allows " + community.sizeCap
                + " members.");
    }

    /** Hibernate Reactive reports the unique index of current stays as a ConstraintViolationException naming it. */
    private static boolean isSecondCurrentStay(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation
                    && "membership_current".equals(violation.getConstraintName())) {
                return true;
            }
        }
        return false;
    }

    private Uni<Entry> entryOf(UUID communityId, String code) {
        if (code == null) {
            return Uni.createFrom().nullItem();
        }
        return entries.findById(code).invoke(entry -> {
            if (entry == null || !entry.communityId.equals(communityId)) {
                throw Problems.invalidField("entryCode", "is not an entry of this community");
            }
        });
    }

    /** The caller leaves; the owner cannot leave the community they own. */
    @WithTransaction
    public Uni<Void> leave(UUID communityId, String userId) {
        return memberships.findCurrentForUpdate(communityId, userId)
                .onItem().ifNull().failWith(() -> Problems.notFound("You are not a member of community "
                        + communityId + "."))
                .chain(m -> {
                    if (m.role == CommunityRole.OWNER) {
                        return Uni.createFrom().failure(Problems.of(ProblemType.OWNER_IMMUTABLE,
                                "The owner cannot leave the community they own."));
                    }
                    m.leftAt = Instant.now();
                    return outbox.record(new MemberLeft(communityId.toString(), userId), m.leftAt)
                            .call(() -> communities.freePlace(communityId));
                });
    }

    /**
     * The owner makes a member an admin, or an admin a plain member again. Setting the role someone already has
     * changes nothing and publishes nothing. The stay is locked first, so a leave racing this either ends it before
     * (404: no role change, no event) or after (the role event, then the leave).
     */
    @WithTransaction
    public Uni<MemberView> changeRole(UUID communityId, String userId, CommunityRole role, String callerId) {
        if (role == CommunityRole.OWNER) {
            return Uni.createFrom().failure(Problems.invalidField("role", "must be ADMIN or MEMBER"));
        }
        return access.require(communityId.toString(), callerId, Set.of(CommunityRole.OWNER))
                .chain(() -> memberships.findCurrentForUpdate(communityId, userId))
                .onItem().ifNull().failWith(() -> Problems.notFound(userId + " is not a member of community "
                        + communityId + "."))
                .chain(m -> {
                    if (m.role == CommunityRole.OWNER) {
                        return Uni.createFrom().failure(Problems.of(ProblemType.OWNER_IMMUTABLE, "The owner's role cannot be changed."));
                    }
                    if (m.role == role) {
                        return Uni.createFrom().item(MemberView.of(m));
                    }
                    CommunityRole previous = m.role;
                    m.role = role;
                    Instant now = Instant.now();
                    return outbox.record(new MemberRoleChanged(communityId.toString(), userId, role, previous,
                            callerId), now)
                            .call(() -> audit.record(communityId, callerId, AuditAction.ROLE_CHANGED, userId, null,
                                    "role: " + previous + " -> " + role, now))
                            .map(ignored -> MemberView.of(m));
                });
    }
}
