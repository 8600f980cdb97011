package io.hearth.contracts.events;

/** A member joined a challenge. */
public record ChallengeJoined(String communityId, String challengeId, String userId)
        implements EventData {
}
