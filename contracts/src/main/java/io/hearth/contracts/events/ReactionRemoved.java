package io.hearth.contracts.events;

/** A member took a reaction back; taking back one they did not give is not an event. */
public record ReactionRemoved(String communityId, String postId, String userId, String reaction)
        implements EventData {
}
