package io.hearth.membership.mapping;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.membership.domain.Community;
import io.hearth.membership.domain.CommunityKind;
import io.hearth.membership.domain.SizeTier;

@Schema(description = "A community", requiredProperties = { "id", "name", "theme", "kind", "ownerId", "memberCount",
        "sizeTier", "createdAt" })
public record CommunityView(UUID id, String name,
        @Schema(description = "The shared value that holds the community together") String theme, CommunityKind kind,
        @Schema(description = "Most members allowed, staff included; absent for no cap") Integer sizeCap,
        @Schema(description = "Keycloak subject of the owner") String ownerId,
        @Schema(description = "Current members, staff included") long memberCount, SizeTier sizeTier,
        Instant createdAt) {

    public static CommunityView of(Community community) {
        return new CommunityView(community.id, community.name, community.theme, community.kind, community.sizeCap,
                community.ownerId, community.memberCount, SizeTier.of(community.memberCount), community.createdAt);
    }
}
