package io.hearth.content.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.content.domain.ModerationAction;
import io.hearth.content.domain.ModerationAuditEntry;
import io.hearth.content.mapping.ModerationAuditEntryView;
import io.hearth.content.repository.ModerationAuditRepository;
import io.hearth.platform.access.CommunityAccess;
import io.hearth.platform.rest.Page;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Records a moderation action in the community's content audit, inside the caller's transaction, so it exists iff the
 * change does; and reads the audit back for staff.
 */
@ApplicationScoped
public class ModerationAudit {
    private final ModerationAuditRepository entries;
    private final CommunityAccess access;

    public ModerationAudit(ModerationAuditRepository entries, CommunityAccess access) {
        this.entries = entries;
        this.access = access;
    }

    /** The community's content audit, oldest first, for the owner and admins; the cursor is the entry's number. */
    @WithSession
    public Uni<Page<ModerationAuditEntryView>> page(UUID communityId, String callerId, long afterSeq, int limit) {
        return access.require(communityId.toString(), callerId, CommunityAccess.STAFF)
                .chain(() -> entries.page(communityId, afterSeq, limit))
                .map(rows -> Page.of(rows, limit, e -> String.valueOf(e.seq), ModerationAuditEntryView::of));
    }

    /** One action on a post or reply (replyId null for a post) by {@code actorId} on {@code authorId}'s content. */
    public Uni<Void> record(UUID communityId, String actorId, ModerationAction action, UUID postId, UUID replyId,
            String authorId, String reason, String details, Instant at) {
        ModerationAuditEntry entry = new ModerationAuditEntry();
        entry.communityId = communityId;
        entry.at = at;
        entry.actorId = actorId;
        entry.action = action;
        entry.postId = postId;
        entry.replyId = replyId;
        entry.authorId = authorId;
        entry.reason = reason;
        entry.details = details;
        return entries.persist(entry).replaceWithVoid();
    }
}
