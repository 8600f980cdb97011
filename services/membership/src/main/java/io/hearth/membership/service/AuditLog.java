package io.hearth.membership.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.membership.domain.AuditAction;
import io.hearth.membership.domain.AuditEntry;
import io.hearth.membership.repository.AuditRepository;
import io.smallrye.mutiny.Uni;

/** Records a staff action in the community's audit, inside the caller's transaction, so it exists iff the change does. */
@ApplicationScoped
public class AuditLog {
    private final AuditRepository entries;

    public AuditLog(AuditRepository entries) {
        this.entries = entries;
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
