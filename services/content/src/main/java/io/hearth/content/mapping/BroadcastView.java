package io.hearth.content.mapping;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A broadcast to several communities and how far it reached inboxes",
        requiredProperties = { "id", "senderId", "title", "body", "communityIds", "publishAt", "createdAt", "status",
                "delivered", "suppressed", "read" })
public record BroadcastView(UUID id,
        @Schema(description = "Keycloak subject of the staff member who sent it") String senderId, String title,
        String body, @Schema(description = "The target communities") List<UUID> communityIds,
        @Schema(description = "When its posts appear (or appeared)") Instant publishAt, Instant createdAt,
        @Schema(description = "SCHEDULED while a copy still waits for publishAt; PUBLISHED once none waits and at "
                + "least one appeared; CANCELLED when staff cancelled every copy before it appeared",
                enumeration = { "SCHEDULED", "PUBLISHED", "CANCELLED" }) String status,
        @Schema(description = "Inbox deliveries made: members of the target communities (not the sender), each once "
                + "however many targets they belong to") int delivered,
        @Schema(description = "Deliveries not made because the member had reached the daily cap of broadcasts")
        int suppressed,
        @Schema(description = "Delivered inbox items their owner has read") int read) {
}
