package io.hearth.content.mapping;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.content.domain.InboxItem;

@Schema(description = "Something in the caller's inbox: a broadcast, or another service's notice",
        requiredProperties = { "id", "kind", "title", "createdAt", "read" })
public record InboxItemView(UUID id,
        @Schema(description = "broadcast, or the notice's kind in lower-kebab-case (event-reminder, "
                + "waitlist-promoted, lottery-result...)") String kind,
        String title, String body,
        @Schema(description = "What it is about: the post for a broadcast, the issuing service's reference for a "
                + "notice") String ref,
        @Schema(description = "The community it came through") UUID communityId,
        @Schema(description = "For a broadcast: its id") UUID broadcastId, Instant createdAt,
        @Schema(description = "Whether the caller has marked it read") boolean read,
        @Schema(description = "When it was first marked read") Instant readAt) {

    public static InboxItemView of(InboxItem item) {
        return new InboxItemView(item.id, item.kind, item.title, item.body, item.ref, item.communityId,
                item.broadcastId, item.createdAt, item.readAt != null, item.readAt);
    }
}
