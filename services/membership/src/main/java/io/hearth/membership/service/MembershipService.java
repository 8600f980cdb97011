package io.hearth.membership.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.exception.ConstraintViolationException;

import io.hearth.contracts.events.ApplicationSubmitted;
import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.MemberJoined;
import io.hearth.contracts.events.MemberLeft;
import io.hearth.contracts.events.MemberMuted;
import io.hearth.contracts.events.MemberRoleChanged;
import io.hearth.membership.domain.Admission;
import io.hearth.membership.domain.Application;
import io.hearth.membership.domain.ApplicationStatus;
import io.hearth.membership.domain.AuditAction;
import io.hearth.membership.domain.Community;
import io.hearth.membership.domain.Entry;
import io.hearth.membership.domain.EntryChannel;
import io.hearth.membership.domain.Membership;
import io.hearth.membership.mapping.ApplicationView;
import io.hearth.membership.mapping.JoinOutcome;
import io.hearth.membership.mapping.JoinRequest;
import io.hearth.membership.mapping.MemberView;
import io.hearth.membership.repository.ApplicationRepository;
import io.hearth.membership.repository.BanRepository;
import io.hearth.membership.repository.CommunityRepository;
import io.hearth.membership.repository.EntryRepository;
import io.hearth.membership.repository.MembershipRepository;
import io.hearth.membership.repository.MuteRepository;
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
    private final Places places;
    private final ApplicationRepository applications;
    private final BanRepository bans;
    private final MuteRepository mutes;

    public MembershipService(CommunityRepository communities, EntryRepository entries,
            MembershipRepository memberships, CommunityAccess access, IdempotencyKeys idempotency, Outbox outbox,
            AuditLog audit, Places places, ApplicationRepository applications, BanRepository bans,
            MuteRepository mutes) {
        this.communities = communities;
        this.entries = entries;
        this.memberships = memberships;
        this.access = access;
        this.idempotency = idempotency;
        this.outbox = outbox;
        this.audit = audit;
        this.places = places;
        this.applications = applications;
        this.bans = bans;
        this.mutes = mutes;
    }

    /**
     * The caller joins the community as a member, attributed to the entry they came through. The place is taken last,
     * by one conditional update of the community's member count, so that two joins cannot both take the last place
     * and the community row is locked only until the commit that follows. In a community whose admission is
     * APPROVAL the join files an application instead (see {@link #screens}).
     */
    @WithTransaction
    public Uni<IdempotencyKeys.Outcome<JoinOutcome>> join(UUID communityId, String userId, String displayName,
            JoinRequest request, String idempotencyKey) {
        return idempotency.once("join:" + communityId, userId, idempotencyKey, request,
                () -> communities.findById(communityId)
                        .onItem().ifNull().failWith(() -> Problems.notFound("No community " + communityId + "."))
                        .chain(community -> insert(community, userId, displayName,
                                JoinAttribution.ofEntry(request.entryCode(), request.visitorId()), request.answers())),
                JoinOutcome::resourceId, id -> replay(communityId, userId, id));
    }

    private Uni<JoinOutcome> replay(UUID communityId, String userId, String resourceId) {
        String applicationId = JoinOutcome.applicationIdIn(resourceId);
        if (applicationId != null) {
            return applications.find(communityId, UUID.fromString(applicationId))
                    .map(a -> JoinOutcome.applied(ApplicationView.of(a)));
        }
        return memberships.findCurrent(communityId, userId)
                .onItem().ifNull().failWith(() -> Problems.of(ProblemType.IDEMPOTENCY_CONFLICT,
                        "This Idempotency-Key joined you before, but you have left since."))
                .map(m -> JoinOutcome.joined(MemberView.of(m)));
    }

    /** Joins the community, or applies to it when it screens newcomers (see {@link #screens}). */
    private Uni<JoinOutcome> insert(Community community, String userId, String displayName,
            JoinAttribution attribution, List<String> answers) {
        return notAMember(community.id, userId)
                .chain(() -> entryOf(community.id, attribution.entryCode()))
                .chain(entry -> screens(community)
                        ? apply(community, userId, displayName, entry, attribution, answers)
                                .map(JoinOutcome::applied)
                        // After the place, like it: the entry's row is locked from here to the commit. An
                        // application takes no use; its approval admits without one.
                        : admit(community, userId, displayName, entry, attribution)
                                .call(() -> takeUse(entry))
                                .map(JoinOutcome::joined));
    }

    /**
     * Joins the person to an OPEN community a live code placed them in, attributed to the live code. Call it inside
     * the join's transaction: every refusal rolls back all it wrote.
     */
    Uni<MemberView> place(Community community, String userId, String displayName, JoinAttribution attribution) {
        return notAMember(community.id, userId).chain(() -> admit(community, userId, displayName, null, attribution));
    }

    private Uni<Void> notAMember(UUID communityId, String userId) {
        return memberships.findCurrent(communityId, userId).invoke(existing -> {
            if (existing != null) {
                throw alreadyAMember(communityId);
            }
        }).replaceWithVoid();
    }

    /** A banned person joins through no entry or live code, and is approved for none, until staff lift the ban. */
    private Uni<Void> notBanned(UUID communityId, String userId) {
        return bans.isBanned(communityId, userId).invoke(banned -> {
            if (banned) {
                throw Problems.of(ProblemType.BANNED, "You are banned from community " + communityId + ".");
            }
        }).replaceWithVoid();
    }

    /**
     * A mute outlives the stay: the other services' replicas forget it with the leave, so a rejoin before it runs out
     * publishes it again, after the join, and leaving cannot shed it.
     */
    private Uni<Void> stillMuted(UUID communityId, String userId, Instant joinedAt) {
        return mutes.find(communityId, userId).chain(mute -> mute == null || !mute.until.isAfter(joinedAt)
                ? Uni.createFrom().voidItem()
                : outbox.record(new MemberMuted(communityId.toString(), userId, mute.until, mute.reason,
                        mute.mutedBy), joinedAt));
    }

    private Uni<Void> takeUse(Entry entry) {
        return entry == null ? Uni.createFrom().voidItem() : entries.takeUse(entry.code).invoke(taken -> {
            if (!taken) {
                throw usedUp(entry);
            }
        }).replaceWithVoid();
    }

    /**
     * Makes the person a member of the community, attributed to the entry they came through (or none): for a join,
     * and for an application staff approve. The caller has checked they are not a member; a race that makes them one
     * meanwhile fails here with 409 already-member.
     */
    Uni<MemberView> admit(Community community, String userId, String displayName, Entry entry,
            JoinAttribution attribution) {
        UUID communityId = community.id;
        // Refuses early on the count as read; the place taken below is what holds the cap under concurrency.
        if (community.sizeCap != null && community.memberCount >= community.sizeCap) {
            return Uni.createFrom().failure(full(community));
        }
        Membership m = new Membership();
        m.communityId = communityId;
        m.userId = userId;
        m.role = CommunityRole.MEMBER;
        m.joinedAt = Instant.now();
        m.displayName = displayName;
        m.visitorId = attribution.visitorId();
        if (entry != null) {
            m.entryCode = entry.code;
            m.channel = entry.channel;
            m.referrerId = entry.channel == EntryChannel.REFERRAL ? entry.createdBy : null;
            m.source = entry.source;
        } else if (attribution.liveCode() != null) {
            m.liveCode = attribution.liveCode();
            m.channel = EntryChannel.LIVE_CODE;
            m.source = attribution.liveCodeSource();
        }
        return notBanned(communityId, userId).chain(() -> memberships.persist(m))
                // The same person joining twice at once: the second waits on the unique index of
                // current stays until the first commits, then fails here.
                .onFailure(MembershipService::isSecondCurrentStay)
                .transform(e -> alreadyAMember(communityId))
                .call(() -> outbox.record(new MemberJoined(communityId.toString(), userId, m.role,
                        m.entryCode, m.channel == null ? null : m.channel.name(), m.referrerId,
                        m.source, m.liveCode, m.visitorId, m.displayName), m.joinedAt))
                .call(() -> stillMuted(communityId, userId, m.joinedAt))
                .call(() -> places.take(communityId, m.joinedAt).invoke(taken -> {
                    if (!taken) {
                        throw full(community);
                    }
                }))
                .map(MemberView::of);
    }

    /**
     * The community's admission decides what a join does: CLOSED refuses it (422 community-closed), APPROVAL files an
     * application (true), OPEN lets the person in (false).
     */
    private static boolean screens(Community community) {
        if (community.admission == Admission.CLOSED) {
            throw Problems.of(ProblemType.COMMUNITY_CLOSED, "Community " + community.id
                    + " is closed: it takes no new members.");
        }
        return community.admission == Admission.APPROVAL;
    }

    /**
     * Files the person's application with one answer per question; it takes no place. A second one while the first
     * is pending is refused (409 application-pending), also when two race: the unique index of pending applications
     * lets one through.
     */
    private Uni<ApplicationView> apply(Community community, String userId, String displayName, Entry entry,
            JoinAttribution attribution, List<String> answers) {
        List<String> given = answers == null ? List.of() : answers;
        if (given.size() != community.questions.size()) {
            return Uni.createFrom().failure(Problems.invalidField("answers", "must hold one answer to each of the "
                    + "community's " + community.questions.size() + " questions, in their order"));
        }
        Application a = new Application();
        a.id = UUID.randomUUID();
        a.communityId = community.id;
        a.userId = userId;
        a.displayName = displayName;
        a.questions = new ArrayList<>(community.questions);
        a.answers = given.stream().map(String::strip).toList();
        a.entryCode = entry == null ? null : entry.code;
        a.visitorId = attribution.visitorId();
        a.status = ApplicationStatus.PENDING;
        a.createdAt = Instant.now();
        return notBanned(community.id, userId).chain(() -> applications.findPending(community.id, userId))
                .invoke(pending -> {
            if (pending != null) {
                throw applicationPending(community.id);
            }
        })
                .chain(() -> applications.persist(a))
                .onFailure(failure -> violates(failure, "application_pending"))
                .transform(e -> applicationPending(community.id))
                .call(() -> outbox.record(new ApplicationSubmitted(community.id.toString(), a.id.toString(), userId,
                        a.entryCode, a.visitorId), a.createdAt))
                .map(ApplicationView::of);
    }

    private static ProblemException applicationPending(UUID communityId) {
        return Problems.of(ProblemType.APPLICATION_PENDING, "Your application to community " + communityId
                + " is waiting for a decision; you cannot apply again until it is decided.");
    }

    private static ProblemException alreadyAMember(UUID communityId) {
        return Problems.of(ProblemType.ALREADY_MEMBER, "You are already a member of community " + communityId + ".");
    }

    static ProblemException full(Community community) {
        return Problems.of(ProblemType.COMMUNITY_FULL, "Community " + community.id + " is full: it allows " + community.sizeCap
                + " members.");
    }

    private static ProblemException usedUp(Entry entry) {
        return Problems.of(ProblemType.ENTRY_USED_UP, "Entry " + entry.code + " has been used " + entry.maxUses
                + " times, as many as it allows.");
    }

    /** Hibernate Reactive reports the unique index of current stays as a ConstraintViolationException naming it. */
    private static boolean isSecondCurrentStay(Throwable failure) {
        return violates(failure, "membership_current");
    }

    private static boolean violates(Throwable failure, String constraint) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation
                    && constraint.equals(violation.getConstraintName())) {
                return true;
            }
        }
        return false;
    }

    /** The entry a join names, when it is one of this community's that still takes joins (checked early, as read). */
    private Uni<Entry> entryOf(UUID communityId, String code) {
        if (code == null) {
            return Uni.createFrom().nullItem();
        }
        return entries.findById(code).invoke(entry -> {
            if (entry == null || !entry.communityId.equals(communityId)) {
                throw Problems.invalidField("entryCode", "is not an entry of this community");
            }
            if (entry.expired(Instant.now())) {
                throw Problems.of(ProblemType.ENTRY_EXPIRED, "Entry " + code + " expired at " + entry.expiresAt
                        + ".");
            }
            if (entry.usedUp()) {
                throw usedUp(entry);
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
                                "The owner cannot leave the community they own; hand ownership to a member or "
                                        + "an admin first (PUT /communities/" + communityId + "/owner)."));
                    }
                    m.leftAt = Instant.now();
                    return outbox.record(new MemberLeft(communityId.toString(), userId), m.leftAt)
                            .call(() -> places.free(communityId, m.leftAt));
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
