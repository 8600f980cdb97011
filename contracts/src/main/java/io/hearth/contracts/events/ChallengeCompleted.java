package io.hearth.contracts.events;

/**
 * A participant reached a challenge's goal: checkIns is their count of check-ins on its days when they reached it.
 * Once per participant.
 */
public record ChallengeCompleted(String communityId, String challengeId, String userId, int checkIns)
        implements EventData {
}
