package io.hearth.contracts.events;

/**
 * The owner created a paid plan although the community had not yet earned trust, giving {@code reason}; the figures
 * are what the gate saw.
 */
public record TrustGateOverridden(String communityId, String planId, String ownerId, String reason, long ageDays,
        long members, long activeMembers) implements EventData {
}
