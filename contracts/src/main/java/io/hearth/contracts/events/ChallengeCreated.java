package io.hearth.contracts.events;

import java.time.LocalDate;

/**
 * Staff started a challenge: check in on goal of its days, from startsOn for days days (in the community's time zone).
 */
public record ChallengeCreated(String communityId, String challengeId, String name, LocalDate startsOn, int days,
        int goal, String createdBy)
        implements EventData {
}
