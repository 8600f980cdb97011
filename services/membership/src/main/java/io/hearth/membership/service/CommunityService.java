package io.hearth.membership.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.hearth.contracts.events.CommunityCreated;
import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.CommunityUpdated;
import io.hearth.contracts.events.MemberJoined;
import io.hearth.contracts.events.MemberRoleChanged;
import io.hearth.membership.domain.Admission;
import io.hearth.membership.domain.AuditAction;
import io.hearth.membership.domain.Community;
import io.hearth.membership.domain.Membership;
import io.hearth.membership.mapping.CommunityView;
import io.hearth.membership.mapping.CreateCommunityRequest;
import io.hearth.membership.mapping.UpdateCommunityRequest;
import io.hearth.membership.repository.CommunityRepository;
import io.hearth.membership.repository.MembershipRepository;
import io.hearth.platform.access.CommunityAccess;
import io.hearth.platform.idempotency.IdempotencyKeys;
import io.hearth.platform.outbox.Outbox;
import io.hearth.platform.rest.Problem;
import io.hearth.platform.rest.ProblemType;
import io.hearth.platform.rest.Problems;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CommunityService {
    private static final String DEFAULT_TIME_ZONE = "UTC";

    private final CommunityRepository communities;
    private final MembershipRepository memberships;
    private final CommunityAccess access;
    private final IdempotencyKeys idempotency;
    private final Outbox outbox;
    private final AuditLog audit;

    public CommunityService(CommunityRepository communities, MembershipRepository memberships, CommunityAccess access,
            IdempotencyKeys idempotency, Outbox outbox, AuditLog audit) {
        this.communities = communities;
        this.memberships = memberships;
        this.access = access;
        this.idempotency = idempotency;
        this.outbox = outbox;
        this.audit = audit;
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
        community.rules = blankToNull(request.rules());
        community.timeZone = request.timeZone() == null ? DEFAULT_TIME_ZONE : request.timeZone();
        community.admission = request.admission() == null ? Admission.OPEN : request.admission();
        community.questions = questions(request.questions());
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
                        community.kind.name(), community.sizeCap, ownerId, community.timeZone,
                        community.admission.name(), community.rules), now))
                .call(() -> outbox.record(new MemberJoined(id, ownerId, CommunityRole.OWNER, null, null, null, null, null,
                        null, ownerName), now))
                .replaceWith(community);
    }

    /**
     * The owner or an admin changes the community's settings (a JSON merge patch). A change publishes
     * {@code hearth.community.updated} with every setting as it now is, and is audited with what changed; a patch
     * that changes nothing publishes and records nothing. The community's outbox lock is taken before the community
     * is read, so two changes apply one after the other, each on what the other committed. A size cap below the
     * current member count is accepted: nobody is removed, joins are refused until enough members have left.
     */
    @WithTransaction
    public Uni<CommunityView> update(UUID communityId, UpdateCommunityRequest patch, String callerId) {
        List<Problem.Violation> violations = patch.violations();
        if (!violations.isEmpty()) {
            return Uni.createFrom().failure(Problems.invalid(violations.stream()
                    .map(v -> v.field() + " " + v.message()).reduce((a, b) -> a + "; " + b).orElseThrow(),
                    violations));
        }
        return access.require(communityId.toString(), callerId, CommunityAccess.STAFF)
                .chain(() -> outbox.lockCommunity(communityId.toString()))
                .chain(() -> communities.findById(communityId, LockModeType.PESSIMISTIC_WRITE))
                .onItem().ifNull().failWith(() -> Problems.notFound("No community " + communityId + "."))
                .chain(community -> {
                    List<String> changes = apply(community, patch);
                    if (changes.isEmpty()) {
                        return Uni.createFrom().item(CommunityView.of(community));
                    }
                    Instant now = Instant.now();
                    return outbox.record(new CommunityUpdated(communityId.toString(), community.name,
                            community.theme, community.rules, community.timeZone, community.admission.name(),
                            List.copyOf(community.questions), community.sizeCap, callerId), now)
                            .call(() -> audit.record(communityId, callerId, AuditAction.SETTINGS_CHANGED, null, null,
                                    String.join("; ", changes), now))
                            .map(ignored -> CommunityView.of(community));
                });
    }

    /** Applies the patch to the community; what changed, in words ("admission: OPEN -> APPROVAL"). */
    private static List<String> apply(Community community, UpdateCommunityRequest patch) {
        List<String> changes = new ArrayList<>();
        if (patch.has("name")) {
            community.name = changed(changes, "name", community.name, patch.getName().strip());
        }
        if (patch.has("theme")) {
            community.theme = changed(changes, "theme", community.theme, patch.getTheme().strip());
        }
        if (patch.has("rules")) {
            community.rules = changed(changes, "rules", community.rules, blankToNull(patch.getRules()));
        }
        if (patch.has("timeZone")) {
            community.timeZone = changed(changes, "timeZone", community.timeZone,
                    patch.getTimeZone() == null ? DEFAULT_TIME_ZONE : patch.getTimeZone());
        }
        if (patch.has("admission")) {
            community.admission = changed(changes, "admission", community.admission,
                    patch.getAdmission() == null ? Admission.OPEN : patch.getAdmission());
        }
        if (patch.has("questions")) {
            community.questions = changed(changes, "questions", community.questions, questions(patch.getQuestions()));
        }
        if (patch.has("sizeCap")) {
            community.sizeCap = changed(changes, "sizeCap", community.sizeCap, patch.getSizeCap());
        }
        return changes;
    }

    /** {@code to}, noting the change when it is one. Long texts are named, not quoted, in the audit. */
    private static <T> T changed(List<String> changes, String field, T from, T to) {
        if (!Objects.equals(from, to)) {
            boolean text = field.equals("rules") || field.equals("theme") || field.equals("questions");
            changes.add(text ? field + " changed" : field + ": " + shown(from) + " -> " + shown(to));
        }
        return to;
    }

    private static String shown(Object value) {
        return value == null ? "none" : value.toString();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static List<String> questions(List<String> questions) {
        return questions == null ? new ArrayList<>() : new ArrayList<>(questions.stream().map(String::strip).toList());
    }

    /**
     * The owner hands ownership to a current member or admin: they become the owner, the old owner an admin (two
     * {@code hearth.member.role-changed}, the old owner's first, so that no replica ever sees two owners), and the
     * audit records it. Both stays are locked, the owner's first: two transfers by one owner apply one after the
     * other, and the second finds the caller no longer owner (403). The community row is written last, after the
     * events, in the order a join takes its locks.
     */
    @WithTransaction
    public Uni<CommunityView> transferOwnership(UUID communityId, String newOwnerId, String callerId) {
        return access.require(communityId.toString(), callerId, Set.of(CommunityRole.OWNER))
                .chain(() -> memberships.findCurrentForUpdate(communityId, callerId))
                .chain(owner -> {
                    if (owner == null || owner.role != CommunityRole.OWNER) {
                        return Uni.createFrom().failure(Problems.forbidden("This needs you to be owner of community "
                                + communityId + "."));
                    }
                    if (owner.userId.equals(newOwnerId)) {
                        return Uni.createFrom().failure(Problems.of(ProblemType.ALREADY_OWNER, newOwnerId
                                + " already owns community " + communityId + "."));
                    }
                    return memberships.findCurrentForUpdate(communityId, newOwnerId)
                            .onItem().ifNull().failWith(() -> Problems.notFound(newOwnerId
                                    + " is not a member of community " + communityId + "."))
                            .chain(heir -> handOver(communityId, owner, heir));
                });
    }

    private Uni<CommunityView> handOver(UUID communityId, Membership owner, Membership heir) {
        Instant now = Instant.now();
        String id = communityId.toString();
        CommunityRole heirWas = heir.role;
        owner.role = CommunityRole.ADMIN;
        heir.role = CommunityRole.OWNER;
        return outbox.record(new MemberRoleChanged(id, owner.userId, CommunityRole.ADMIN, CommunityRole.OWNER,
                owner.userId), now)
                .call(() -> outbox.record(new MemberRoleChanged(id, heir.userId, CommunityRole.OWNER, heirWas,
                        owner.userId), now))
                .call(() -> audit.record(communityId, owner.userId, AuditAction.OWNERSHIP_TRANSFERRED, heir.userId,
                        null, "owner: " + owner.userId + " -> " + heir.userId, now))
                .chain(() -> communities.findById(communityId))
                .invoke(community -> community.ownerId = heir.userId)
                .map(CommunityView::of);
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
