package io.hearth.membership.mapping;

import java.time.Instant;
import java.util.UUID;

import io.hearth.membership.domain.Community;
import io.hearth.membership.domain.CommunityKind;
import io.hearth.membership.domain.SizeTier;

public record CommunityView(UUID id, String name, String theme, CommunityKind kind, Integer sizeCap, String ownerId,
        long memberCount, SizeTier sizeTier, Instant createdAt) {

    public static CommunityView of(Community community) {
        return new CommunityView(community.id, community.name, community.theme, community.kind, community.sizeCap,
                community.ownerId, community.memberCount, SizeTier.of(community.memberCount), community.createdAt);
    }
}
