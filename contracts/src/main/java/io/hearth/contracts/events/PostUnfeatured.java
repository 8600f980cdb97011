package io.hearth.contracts.events;

/** Staff took a post out of the knowledge base. */
public record PostUnfeatured(String communityId, String postId, String unfeaturedBy) implements EventData {
}
