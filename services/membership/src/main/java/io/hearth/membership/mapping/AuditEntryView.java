package io.hearth.membership.mapping;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.membership.domain.AuditAction;
import io.hearth.membership.domain.AuditEntry;

@Schema(description = "One staff action in a community's audit", requiredProperties = { "at", "actorId", "action" })
public record AuditEntryView(Instant at, @Schema(description = "Keycloak subject of who did it") String actorId,
        AuditAction action,
        @Schema(description = "Who it was about (a member, an applicant, a partner client); absent if nobody")
        String subjectId,
        @Schema(description = "Why, as the actor said; absent if they gave no reason") String reason,
        @Schema(description = "What changed, in words, e.g. \"admission: OPEN -> APPROVAL\"") String details) {

    public static AuditEntryView of(AuditEntry entry) {
        return new AuditEntryView(entry.at, entry.actorId, entry.action, entry.subjectId, entry.reason,
                entry.details);
    }
}
