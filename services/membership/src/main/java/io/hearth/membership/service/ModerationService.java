package io.hearth.membership.service;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.MemberBanned;
import io.hearth.contracts.events.MemberLeft;
import io.hearth.contracts.events.MemberMuted;
import io.hearth.contracts.events.MemberUnbanned;
import io.hearth.contracts.events.MemberUnmuted;
import io.hearth.membership.domain.AuditAction;
import io.hearth.membership.domain.MemberBan;
import io.hearth.membership.domain.MemberMute;
import io.hearth.membership.domain.Membership;
import io.hearth.membership.mapping.BanView;
import io.hearth.membership.mapping.MuteRequest;
import io.hearth.membership.mapping.MuteView;
import io.hearth.membership.mapping.RemovalRequest;
import io.hearth.membership.repository.BanRepository;
import io.hearth.membership.repository.MembershipRepository;
import io.hearth.membership.repository.MuteRepository;
import io.hearth.platform.access.CommunityAccess;
import io.hearth.platform.outbox.Outbox;
import io.hearth.platform.rest.Page;
import io.hearth.platform.rest.ProblemType;
import io.hearth.platform.rest.Problems;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Keeping order: staff mute members, remove them, ban them and lift mutes and bans. Who may act on whom: the owner and
 * admins act on plain members; only the owner acts on an admin; nobody acts on the owner (409 owner-immutable) or on
 * themself (403). Each action publishes its event (from which content and activity learn mutes) and is audited, in
 * the transaction of the change.
 */
@ApplicationScoped
public class ModerationService {
    /** Who Hearth's own actions are by, in events and the audit (as content's welcome posts are authored). */
    public static final String HEARTH = "hearth";

    private final Places places;
    private final MembershipRepository memberships;
    private final MuteRepository mutes;
    private final BanRepository bans;
    private final CommunityAccess access;
    private final Outbox outbox;
    private final AuditLog audit;

    public ModerationService(Places places, MembershipRepository memberships, MuteRepository mutes,
            BanRepository bans, CommunityAccess access, Outbox outbox, AuditLog audit) {
        this.places = places;
        this.memberships = memberships;
        this.mutes = mutes;
        this.bans = bans;
        this.access = access;
        this.outbox = outbox;
        this.audit = audit;
    }

    /** Mutes the member for {@code minutes} from now; muting again replaces the mute with the new end. */
    @WithTransaction
    public Uni<MuteView> mute(UUID communityId, String userId, MuteRequest request, String callerId) {
        return target(communityId, userId, callerId, "mute")
                .chain(m -> mutes.find(communityId, userId))
                .chain(existing -> {
                    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                    MemberMute mute = existing != null ? existing : new MemberMute();
                    mute.communityId = communityId;
                    mute.userId = userId;
                    mute.until = now.plus(Duration.ofMinutes(request.minutes()));
                    mute.reason = reasonOf(request.reason());
                    mute.mutedBy = callerId;
                    mute.mutedAt = now;
                    // A replaced mute is managed already: the flush at commit writes its new end.
                    Uni<MemberMute> saved = existing != null ? Uni.createFrom().item(mute) : mutes.persist(mute);
                    return saved
                            .call(() -> outbox.record(new MemberMuted(communityId.toString(), userId, mute.until,
                                    mute.reason, callerId), now))
                            .call(() -> audit.record(communityId, callerId, AuditAction.MUTED, userId, mute.reason,
                                    "until " + mute.until, now))
                            .map(MuteView::of);
                });
    }

    /**
     * Hearth's own mute of a member whose moderation breaches in content reached their community's limit
     * (hearth.rule.breached with muteMinutes), with the same effects as a staff mute: the mute, hearth.member.muted by
     * {@value #HEARTH} with a reason naming the rule, and an audit entry. It lasts {@code minutes} from the breach. Runs
     * in the consuming transaction. Nothing happens to someone who is no longer a member or who is staff (content
     * never asks for them, but their role may have changed since), when the mute would have run out already, or when
     * a mute that ends later stands: an automatic mute never shortens one.
     */
    public Uni<Void> muteForBreaches(UUID communityId, String userId, String rule, int breaches, int minutes,
            Instant breachedAt) {
        return memberships.findCurrentForUpdate(communityId, userId).chain(member -> {
            if (member == null || member.role != CommunityRole.MEMBER) {
                return Uni.createFrom().voidItem();
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            Instant until = breachedAt.truncatedTo(ChronoUnit.MILLIS).plus(Duration.ofMinutes(minutes));
            if (!until.isAfter(now)) {
                return Uni.createFrom().voidItem();
            }
            return mutes.find(communityId, userId).chain(existing -> {
                if (existing != null && !existing.until.isBefore(until)) {
                    return Uni.createFrom().voidItem();
                }
                MemberMute mute = existing != null ? existing : new MemberMute();
                mute.communityId = communityId;
                mute.userId = userId;
                mute.until = until;
                mute.reason = "Broke the moderation rule " + rule + ": " + breaches + " breaches in 24 hours";
                mute.mutedBy = HEARTH;
                mute.mutedAt = now;
                Uni<MemberMute> saved = existing != null ? Uni.createFrom().item(mute) : mutes.persist(mute);
                return saved
                        .call(() -> outbox.record(new MemberMuted(communityId.toString(), userId, until, mute.reason,
                                HEARTH), now))
                        .call(() -> audit.record(communityId, HEARTH, AuditAction.MUTED, userId, mute.reason,
                                "until " + until, now))
                        .replaceWithVoid();
            });
        });
    }

    /** Lifts the member's mute before it runs out; a member who is not muted (or whose mute ran out) is a 404. */
    @WithTransaction
    public Uni<Void> unmute(UUID communityId, String userId, String callerId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return target(communityId, userId, callerId, "unmute")
                .chain(m -> mutes.delete("communityId = ?1 and userId = ?2 and until > ?3", communityId, userId, now))
                .chain(deleted -> {
                    if (deleted == 0) {
                        return Uni.createFrom().failure(Problems.notFound(userId + " is not muted in community "
                                + communityId + "."));
                    }
                    return outbox.record(new MemberUnmuted(communityId.toString(), userId, callerId), now)
                            .call(() -> audit.record(communityId, callerId, AuditAction.UNMUTED, userId, null, null,
                                    now));
                });
    }

    /**
     * Ends the member's membership as a leave would (the place is freed; a mute outlasts it), published as
     * {@code hearth.member.left} naming who removed them and why; with {@code ban}, also bans them
     * ({@code hearth.member.banned}), so that their next join is refused.
     */
    @WithTransaction
    public Uni<Void> remove(UUID communityId, String userId, RemovalRequest request, String callerId) {
        String reason = reasonOf(request.reason());
        boolean ban = request.banned();
        return target(communityId, userId, callerId, ban ? "ban" : "remove").chain(m -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            m.leftAt = now;
            return outbox.record(new MemberLeft(communityId.toString(), userId, callerId, reason), now)
                    .call(() -> places.free(communityId, now))
                    .call(() -> ban ? ban(communityId, userId, reason, callerId, now) : Uni.createFrom().voidItem())
                    .call(() -> audit.record(communityId, callerId, ban ? AuditAction.BANNED : AuditAction.REMOVED,
                            userId, reason, null, now));
        });
    }

    private Uni<Void> ban(UUID communityId, String userId, String reason, String callerId, Instant now) {
        return bans.find(communityId, userId).chain(existing -> {
            MemberBan ban = existing != null ? existing : new MemberBan();
            ban.communityId = communityId;
            ban.userId = userId;
            ban.reason = reason;
            ban.bannedBy = callerId;
            ban.bannedAt = now;
            return (existing != null ? Uni.createFrom().item(ban) : bans.persist(ban))
                    .chain(() -> outbox.record(new MemberBanned(communityId.toString(), userId, reason, callerId),
                            now));
        });
    }

    /** Lifts a ban, for the owner and admins: the person may join again. Not banned: 404. */
    @WithTransaction
    public Uni<Void> unban(UUID communityId, String userId, String callerId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return access.require(communityId.toString(), callerId, CommunityAccess.STAFF)
                // One delete decides: of two unbans at once, the second finds nothing and publishes nothing.
                .chain(() -> bans.delete("communityId = ?1 and userId = ?2", communityId, userId))
                .chain(deleted -> {
                    if (deleted == 0) {
                        return Uni.createFrom().failure(Problems.notFound(userId + " is not banned from community "
                                + communityId + "."));
                    }
                    return outbox.record(new MemberUnbanned(communityId.toString(), userId, callerId), now)
                            .call(() -> audit.record(communityId, callerId, AuditAction.UNBANNED, userId, null, null,
                                    now));
                });
    }

    /** The community's bans by user id, for the owner and admins. */
    @WithSession
    public Uni<Page<BanView>> listBans(UUID communityId, String callerId, String afterUserId, int limit) {
        return access.require(communityId.toString(), callerId, CommunityAccess.STAFF)
                .chain(() -> bans.page(communityId, afterUserId, limit))
                .map(rows -> Page.of(rows, limit, b -> b.userId, BanView::of));
    }

    /**
     * The stay of the member the caller acts on, locked until the transaction ends so that a leave or another action
     * on them applies before or after this one, never in between; refuses a caller who may not act on them.
     */
    private Uni<Membership> target(UUID communityId, String userId, String callerId, String verb) {
        return access.require(communityId.toString(), callerId, CommunityAccess.STAFF)
                .chain(callerRole -> memberships.findCurrentForUpdate(communityId, userId)
                        .onItem().ifNull().failWith(() -> Problems.notFound(userId + " is not a member of community "
                                + communityId + "."))
                        .invoke(m -> {
                            if (m.role == CommunityRole.OWNER) {
                                throw Problems.of(ProblemType.OWNER_IMMUTABLE, "Nobody can " + verb
                                        + " the owner of a community.");
                            }
                            if (m.userId.equals(callerId)) {
                                throw Problems.forbidden("You cannot " + verb + " yourself.");
                            }
                            if (m.role == CommunityRole.ADMIN && callerRole != CommunityRole.OWNER) {
                                throw Problems.forbidden("Only the owner may " + verb + " an admin.");
                            }
                        }));
    }

    /** A blank reason is none. */
    private static String reasonOf(String reason) {
        return reason == null || reason.isBlank() ? null : reason.strip();
    }
}
