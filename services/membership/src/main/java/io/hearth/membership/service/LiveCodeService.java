package io.hearth.membership.service;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.EntryOpened;
import io.hearth.membership.domain.Admission;
import io.hearth.membership.domain.Community;
import io.hearth.membership.domain.EntryChannel;
import io.hearth.membership.domain.LiveCode;
import io.hearth.membership.mapping.CreateCommunityRequest;
import io.hearth.membership.mapping.CreateLiveCodeRequest;
import io.hearth.membership.mapping.EntryPreview;
import io.hearth.membership.mapping.LiveCodeJoinRequest;
import io.hearth.membership.mapping.LiveCodeView;
import io.hearth.membership.mapping.MemberView;
import io.hearth.membership.repository.CommunityRepository;
import io.hearth.membership.repository.LiveCodeRepository;
import io.hearth.membership.repository.MembershipRepository;
import io.hearth.platform.access.CommunityAccess;
import io.hearth.platform.idempotency.IdempotencyKeys;
import io.hearth.platform.outbox.Outbox;
import io.hearth.platform.rest.ProblemException;
import io.hearth.platform.rest.ProblemType;
import io.hearth.platform.rest.Problems;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Live codes: one code over a pool of communities that places each newcomer in the first community with room, and,
 * with overflow on, grows the pool by a copy of its last community when all are full. sizeCap counts every member,
 * staff included, as everywhere.
 */
@ApplicationScoped
public class LiveCodeService {
    private static final Pattern NUMBERED = Pattern.compile("(.*\\S) (\\d{1,6})");
    private static final int MAX_NAME = 120;

    private final LiveCodeRepository liveCodes;
    private final CommunityRepository communities;
    private final MembershipRepository memberships;
    private final CommunityService communityService;
    private final MembershipService membershipService;
    private final CommunityAccess access;
    private final IdempotencyKeys idempotency;
    private final Outbox outbox;

    public LiveCodeService(LiveCodeRepository liveCodes, CommunityRepository communities,
            MembershipRepository memberships, CommunityService communityService, MembershipService membershipService,
            CommunityAccess access, IdempotencyKeys idempotency, Outbox outbox) {
        this.liveCodes = liveCodes;
        this.communities = communities;
        this.memberships = memberships;
        this.communityService = communityService;
        this.membershipService = membershipService;
        this.access = access;
        this.idempotency = idempotency;
        this.outbox = outbox;
    }

    /**
     * Creates a live code over the communities, for a caller who owns every one of them (a community that does not
     * exist is one they do not own: 403, which tells nobody which ids exist).
     */
    @WithTransaction
    public Uni<IdempotencyKeys.Outcome<LiveCodeView>> create(CreateLiveCodeRequest request, String callerId,
            String idempotencyKey) {
        List<UUID> pool = request.communityIds();
        if (new HashSet<>(pool).size() != pool.size()) {
            return Uni.createFrom().failure(Problems.invalidField("communityIds", "must not name a community twice"));
        }
        Uni<CommunityRole> owned = Uni.createFrom().nullItem();
        for (UUID id : pool) {
            owned = owned.chain(() -> access.require(id.toString(), callerId, Set.of(CommunityRole.OWNER)));
        }
        return owned.chain(() -> idempotency.once("create-live-code", callerId, idempotencyKey, request,
                () -> insert(request, callerId), LiveCodeView::code, this::view));
    }

    private Uni<LiveCodeView> insert(CreateLiveCodeRequest request, String ownerId) {
        LiveCode code = new LiveCode();
        code.code = EntryService.newCode();
        code.name = request.name().strip();
        code.ownerId = ownerId;
        code.source = request.source();
        code.overflow = request.overflow();
        code.createdAt = Instant.now();
        return liveCodes.persist(code)
                .call(() -> liveCodes.append(code.code, request.communityIds(), 0))
                .map(ignored -> LiveCodeView.of(code, request.communityIds()));
    }

    private Uni<LiveCodeView> view(String code) {
        return liveCodes.findById(code).chain(live -> liveCodes.pool(code).map(pool -> LiveCodeView.of(live, pool)));
    }

    /**
     * The preview of the community the next person would join, for anyone who opens the code, and the opening
     * recorded for that community. When every community is full the preview is of the last one: with overflow on
     * the newcomer would join its copy, so it says usable; with overflow off it says community-full.
     */
    @WithTransaction
    public Uni<EntryPreview> open(String code, String visitorId, String userId) {
        return liveCodes.findById(code)
                .onItem().ifNull().failWith(() -> notFound(code))
                .chain(live -> poolOf(live).chain(pool -> {
                    Community next = firstWithRoom(pool);
                    Community shown = next != null ? next : pool.get(pool.size() - 1);
                    String reason = next == null && !live.overflow ? ProblemType.COMMUNITY_FULL.slug() : null;
                    return outbox.record(new EntryOpened(shown.id.toString(), visitorId, null, live.code,
                            EntryChannel.LIVE_CODE.name(), live.source, null, userId), Instant.now())
                            .map(ignored -> EntryPreview.of(shown, EntryChannel.LIVE_CODE, null, live.code,
                                    live.source, null, visitorId, reason));
                }));
    }

    /**
     * The caller joins the first community of the pool with room, or, when all are full and overflow is on, a new
     * copy of the last one. The live code's row is locked first, so joins through it are placed one at a time: none
     * overfills a community and only one creates each overflow community. A person already in one of the pool's
     * communities is not placed in another (409).
     */
    @WithTransaction
    public Uni<IdempotencyKeys.Outcome<MemberView>> join(String code, String userId, String displayName,
            LiveCodeJoinRequest request, String idempotencyKey) {
        return idempotency.once("join-live-code:" + code, userId, idempotencyKey, request,
                () -> place(code, userId, displayName, request.visitorId()), view -> view.communityId().toString(),
                communityId -> memberships.findCurrent(UUID.fromString(communityId), userId)
                        .onItem().ifNull().failWith(() -> Problems.of(ProblemType.IDEMPOTENCY_CONFLICT,
                                "This Idempotency-Key joined you before, but you have left since."))
                        .map(MemberView::of));
    }

    private Uni<MemberView> place(String code, String userId, String displayName, String visitorId) {
        return liveCodes.findForPlacement(code)
                .onItem().ifNull().failWith(() -> notFound(code))
                .chain(live -> poolOf(live).chain(pool -> memberships.findCurrentInAny(
                        pool.stream().map(c -> c.id).toList(), userId).chain(existing -> {
                            if (existing != null) {
                                return Uni.createFrom().failure(Problems.of(ProblemType.ALREADY_MEMBER, "You are "
                                        + "already a member of community " + existing.communityId + ", one of live "
                                        + "code " + code + "'s."));
                            }
                            Community next = firstWithRoom(pool);
                            Uni<Community> target = next != null ? Uni.createFrom().item(next)
                                    : overflow(live, pool);
                            return target.chain(community -> membershipService.place(community, userId,
                                    displayName, JoinAttribution.ofLiveCode(live.code, live.source, visitorId)));
                        })));
    }

    /** A copy of the pool's last community, owned by the live code's owner, appended to the pool. */
    private Uni<Community> overflow(LiveCode live, List<Community> pool) {
        Community last = lastOpen(pool);
        // A copy that holds only its owner would take nobody either.
        if (!live.overflow || last == null || (last.sizeCap != null && last.sizeCap < 2)) {
            return Uni.createFrom().failure(allFull(live));
        }
        CreateCommunityRequest copy = new CreateCommunityRequest(numbered(last.name), last.theme, last.kind,
                last.sizeCap, last.rules, last.timeZone, last.admission, last.questions);
        // The owner is addressed as they were when they joined the community copied.
        return memberships.findCurrent(last.id, live.ownerId)
                .map(owner -> owner == null ? null : owner.displayName)
                .chain(ownerName -> communityService.insert(copy, live.ownerId, ownerName))
                .call(created -> liveCodes.append(live.code, List.of(created.id), pool.size()));
    }

    /** The pool's communities in list order. */
    private Uni<List<Community>> poolOf(LiveCode live) {
        return liveCodes.pool(live.code).chain(ids -> communities.findByIds(ids).map(found -> {
            Map<UUID, Community> byId = found.stream().collect(Collectors.toMap(c -> c.id, Function.identity()));
            return ids.stream().map(byId::get).toList();
        }));
    }

    /**
     * A live code places people without asking anyone: it passes over communities that screen newcomers or take none
     * (admission APPROVAL or CLOSED), as if they were full.
     */
    private static Community firstWithRoom(List<Community> pool) {
        return pool.stream().filter(c -> c.admission == Admission.OPEN)
                .filter(c -> c.sizeCap == null || c.memberCount < c.sizeCap).findFirst().orElse(null);
    }

    /** The community an overflow copies: the pool's last OPEN one, settings and all. */
    private static Community lastOpen(List<Community> pool) {
        for (int i = pool.size() - 1; i >= 0; i--) {
            if (pool.get(i).admission == Admission.OPEN) {
                return pool.get(i);
            }
        }
        return null;
    }

    /** "Runners" -> "Runners 2", "Runners 2" -> "Runners 3", kept within the longest name a community may have. */
    static String numbered(String name) {
        Matcher numbered = NUMBERED.matcher(name);
        String base = numbered.matches() ? numbered.group(1) : name;
        String suffix = " " + (numbered.matches() ? Integer.parseInt(numbered.group(2)) + 1 : 2);
        return (base.length() + suffix.length() > MAX_NAME ? base.substring(0, MAX_NAME - suffix.length()).strip()
                : base) + suffix;
    }

    private static ProblemException allFull(LiveCode live) {
        return Problems.of(ProblemType.COMMUNITY_FULL, "Every community of live code " + live.code + " is full.");
    }

    private static ProblemException notFound(String code) {
        return Problems.notFound("No live code " + code + ".");
    }
}
