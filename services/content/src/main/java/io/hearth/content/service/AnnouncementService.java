package io.hearth.content.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.content.domain.Announcement;
import io.hearth.content.mapping.AnnouncementStatsView;
import io.hearth.content.mapping.AnnouncementView;
import io.hearth.content.mapping.CreateAnnouncementRequest;
import io.hearth.content.mapping.UnreadMemberView;
import io.hearth.content.repository.AnnouncementRepository;
import io.hearth.contracts.events.AnnouncementPublished;
import io.hearth.contracts.events.AnnouncementRead;
import io.hearth.platform.access.CommunityAccess;
import io.hearth.platform.idempotency.IdempotencyKeys;
import io.hearth.platform.outbox.Outbox;
import io.hearth.platform.rest.Page;
import io.hearth.platform.rest.Problems;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Announcements: staff publish, members read and mark read, staff see how far each reached. Staff are not the audience
 * of their own announcements: the read share and the unread list count current members with the role MEMBER only.
 */
@ApplicationScoped
public class AnnouncementService {
    private final AnnouncementRepository announcements;
    private final CommunityAccess access;
    private final IdempotencyKeys idempotency;
    private final Outbox outbox;

    public AnnouncementService(AnnouncementRepository announcements, CommunityAccess access,
            IdempotencyKeys idempotency, Outbox outbox) {
        this.announcements = announcements;
        this.access = access;
        this.idempotency = idempotency;
        this.outbox = outbox;
    }

    /** Staff who are not muted publish; the announcement and hearth.announcement.published commit together. */
    @WithTransaction
    public Uni<IdempotencyKeys.Outcome<AnnouncementView>> create(UUID communityId, CreateAnnouncementRequest request,
            String authorId, String idempotencyKey) {
        return access.requireWriter(communityId.toString(), authorId, CommunityAccess.STAFF)
                .chain(() -> idempotency.once("create-announcement:" + communityId, authorId, idempotencyKey, request,
                        () -> insert(communityId, request, authorId), view -> view.id().toString(),
                        id -> view(communityId, UUID.fromString(id), authorId)));
    }

    private Uni<AnnouncementView> insert(UUID communityId, CreateAnnouncementRequest request, String authorId) {
        Announcement a = new Announcement();
        a.id = UUID.randomUUID();
        a.communityId = communityId;
        a.authorId = authorId;
        a.title = request.title().strip();
        a.body = request.body().strip();
        a.pinned = request.isPinned();
        a.createdAt = Instant.now();
        return announcements.persist(a)
                .call(() -> outbox.record(new AnnouncementPublished(communityId.toString(), a.id.toString(), authorId,
                        a.pinned), a.createdAt))
                .map(saved -> AnnouncementView.of(saved, false));
    }

    /** The community's announcements, pinned first and then newest first, each with whether the caller read it. */
    @WithSession
    public Uni<Page<AnnouncementView>> list(UUID communityId, String callerId, String after, int limit) {
        return Uni.createFrom().item(() -> Cursor.parse(after))
                .call(() -> access.require(communityId.toString(), callerId, CommunityAccess.ANY_MEMBER))
                .chain(cursor -> announcements.page(communityId, cursor.pinned(), cursor.seq(), limit))
                .chain(rows -> announcements.readBy(communityId, callerId, rows.stream().map(a -> a.id).toList())
                        .map(read -> Page.of(rows, limit, Cursor::of, a -> AnnouncementView.of(a,
                                read.contains(a.id)))));
    }

    /** One announcement, for members. */
    @WithSession
    public Uni<AnnouncementView> get(UUID communityId, UUID announcementId, String callerId) {
        return access.require(communityId.toString(), callerId, CommunityAccess.ANY_MEMBER)
                .chain(() -> view(communityId, announcementId, callerId));
    }

    /**
     * A member marks it read. The first time records the read, counts it and publishes hearth.announcement.read, in
     * one transaction; a repeat changes nothing. Reading is not writing: a muted member may mark it read too.
     */
    @WithTransaction
    public Uni<AnnouncementView> markRead(UUID communityId, UUID announcementId, String callerId) {
        return access.require(communityId.toString(), callerId, CommunityAccess.ANY_MEMBER)
                .chain(() -> existing(communityId, announcementId))
                .chain(a -> {
                    Instant now = Instant.now();
                    return announcements.recordRead(communityId, announcementId, callerId, now)
                            .call(count -> count == null ? Uni.createFrom().voidItem()
                                    : outbox.record(new AnnouncementRead(communityId.toString(),
                                            announcementId.toString(), callerId), now))
                            .map(count -> AnnouncementView.of(a, count == null ? a.readCount : count, true));
                });
    }

    /** For staff: reads in all, current members (role MEMBER) and how many of them read it. */
    @WithSession
    public Uni<AnnouncementStatsView> stats(UUID communityId, UUID announcementId, String callerId) {
        return access.require(communityId.toString(), callerId, CommunityAccess.STAFF)
                .chain(() -> existing(communityId, announcementId))
                .chain(a -> announcements.currentMembers(communityId)
                        .chain(members -> announcements.currentMemberReads(communityId, announcementId)
                                .map(reads -> AnnouncementStatsView.of(announcementId, communityId, a.readCount,
                                        members, reads))));
    }

    /** For staff: current members (role MEMBER) who have not read it, by user id. */
    @WithSession
    public Uni<Page<UnreadMemberView>> unreadMembers(UUID communityId, UUID announcementId, String callerId,
            String after, int limit) {
        String afterUser = after == null || after.isBlank() ? null : after;
        return access.require(communityId.toString(), callerId, CommunityAccess.STAFF)
                .chain(() -> existing(communityId, announcementId))
                .chain(a -> announcements.unreadMembers(communityId, announcementId, afterUser, limit + 1))
                .map(rows -> Page.of(rows, limit, m -> m.userId, m -> new UnreadMemberView(m.userId, m.joinedAt)));
    }

    private Uni<Announcement> existing(UUID communityId, UUID announcementId) {
        return announcements.findInCommunity(communityId, announcementId)
                .onItem().ifNull().failWith(() -> Problems.notFound("No announcement " + announcementId
                        + " in community " + communityId + "."));
    }

    private Uni<AnnouncementView> view(UUID communityId, UUID announcementId, String callerId) {
        return existing(communityId, announcementId)
                .chain(a -> announcements.readBy(communityId, callerId, List.of(a.id))
                        .map(read -> AnnouncementView.of(a, read.contains(a.id))));
    }

    /** Where a page of the list ends: the last announcement's group (pinned or not) and number, as "1.42" or "0.42". */
    record Cursor(boolean pinned, long seq) {
        static Cursor parse(String after) {
            if (after == null || after.isBlank()) {
                return new Cursor(false, 0);
            }
            int dot = after.indexOf('.');
            try {
                String group = after.substring(0, Math.max(dot, 0));
                long seq = Long.parseLong(after.substring(dot + 1));
                if (dot < 0 || !(group.equals("0") || group.equals("1")) || seq <= 0) {
                    throw new NumberFormatException(after);
                }
                return new Cursor(group.equals("1"), seq);
            } catch (NumberFormatException e) {
                throw Problems.invalidField("after", "is not a cursor this list returned");
            }
        }

        static String of(Announcement a) {
            return (a.pinned ? "1." : "0.") + a.seq;
        }
    }
}
