package io.hearth.membership.mapping;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.membership.domain.LiveCode;

@Schema(description = "A live code: one code over a pool of communities; each newcomer joins the first one with room",
        requiredProperties = { "code", "name", "communityIds", "overflow", "ownerId", "createdAt" })
public record LiveCodeView(@Schema(description = "The code to publish (GET /live-codes/{code} previews it, "
        + "POST /live-codes/{code}/members joins through it)") String code, String name,
        @Schema(description = "The pool, in the order newcomers fill it, overflow communities included")
        List<UUID> communityIds,
        @Schema(description = "The operator's label for where the code is published; absent if none") String source,
        boolean overflow,
        @Schema(description = "Keycloak subject of its owner, who owns every overflow community") String ownerId,
        Instant createdAt) {

    public static LiveCodeView of(LiveCode code, List<UUID> communityIds) {
        return new LiveCodeView(code.code, code.name, communityIds, code.source, code.overflow, code.ownerId,
                code.createdAt);
    }
}
