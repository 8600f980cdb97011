package io.hearth.contracts.events;

import java.util.List;

/**
 * A broadcast's post appeared in one of its communities (one event per target community, keyed by it, so every
 * community's order holds); {@code communityIds} are all its targets. Content delivers it from this event to the
 * members' inboxes, once per person however many targets they belong to.
 */
public record BroadcastPublished(String communityId, String broadcastId, String postId, String senderId,
        List<String> communityIds) implements EventData {
}
