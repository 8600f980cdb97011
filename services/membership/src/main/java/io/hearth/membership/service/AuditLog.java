package io.hearth.membership.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.membership.domain.AuditAction;
import io.hearth.membership.domain.AuditEntry;
import io.hearth.membership.mapping.AuditEntryView;
import io.hearth.membership.repository.AuditRepository;
import io.hearth.platform.access.CommunityAccess;
import io.hearth.platform.rest.Page;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Records a staff action in the community's audit, inside the caller's transaction, so it exists iff the change does;
 * and reads the audit back for staff.
 */
@ApplicationScoped
public class AuditLog {
    private final AuditRepository entries;
    private final CommunityAccess access;

    public AuditLog(AuditRepository entries, CommunityAccess access) {
        this.entries = entries;
        this.access = access;
    }

    /** The community's audit, oldest first, for the owner and admins; the cursor is the entry's sequence number. */
    @WithSession
    public Uni<Page<AuditEntryView>> page(UUID communityId, String callerId, long afterSeq, int limit) {
        return access.require(communityId.toString(), callerId, CommunityAccess.STAFF)
                .chain(() -> entries.page(communityId, afterSeq, limit))
                .map(rows -> Page.of(rows, limit, e -> String.valueOf(e.seq), AuditEntryView::of));
    }

    public Uni<Void> record(UUID communityId, String actorId, AuditAction action, String subjectId, String reason,
            String details, Instant at) {
        AuditEntry entry = new AuditEntry();
        entry.communityId = communityId;
        entry.at = at;
        entry.actorId = actorId;
        entry.action = action;
        entry.subjectId = subjectId;
        entry.reason = reason;
        entry.details = details;
        return entries.persist(entry).replaceWithVoid();
    }
}
