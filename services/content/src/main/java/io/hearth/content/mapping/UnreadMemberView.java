package io.hearth.content.mapping;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A current member who has not marked the announcement read", requiredProperties = { "userId",
        "joinedAt" })
public record UnreadMemberView(@Schema(description = "Keycloak subject of the member") String userId,
        @Schema(description = "When they joined, as membership told") Instant joinedAt) {
}
