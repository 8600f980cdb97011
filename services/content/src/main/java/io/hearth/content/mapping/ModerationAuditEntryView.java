package io.hearth.content.mapping;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.content.domain.ModerationAction;
import io.hearth.content.domain.ModerationAuditEntry;

@Schema(description = "One moderation action in a community's content audit",
        requiredProperties = { "at", "actorId", "action" })
public record ModerationAuditEntryView(Instant at,
        @Schema(description = "Keycloak subject of the staff member who did it") String actorId,
        ModerationAction action,
        @Schema(description = "The post it was about (for a reply, the post replied to); absent if none") UUID postId,
        @Schema(description = "The reply it was about; absent if it was about a post") UUID replyId,
        @Schema(description = "Keycloak subject of whose content it was; absent if none") String authorId,
        @Schema(description = "Why, as the actor said") String reason,
        @Schema(description = "Anything more the action needs said, in words; absent if nothing") String details) {

    public static ModerationAuditEntryView of(ModerationAuditEntry entry) {
        return new ModerationAuditEntryView(entry.at, entry.actorId, entry.action, entry.postId, entry.replyId,
                entry.authorId, entry.reason, entry.details);
    }
}
