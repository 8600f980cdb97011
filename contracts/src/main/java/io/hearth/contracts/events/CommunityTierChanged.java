package io.hearth.contracts.events;

/** A join or a leave moved the community into another size tier (SMALL < 50, MEDIUM 50-200, LARGE > 200 members). */
public record CommunityTierChanged(String communityId, String fromTier, String toTier, int memberCount)
        implements EventData {
}
