package io.hearth.contracts.events;

/**
 * A post entered the community's knowledge base: featured by staff ({@code automatic} false, {@code featuredBy} the
 * staff member) or nominated automatically when its replies plus reactions reached the community's threshold
 * ({@code automatic} true, {@code featuredBy} {@code hearth}).
 */
public record PostFeatured(String communityId, String postId, String authorId, String featuredBy, boolean automatic)
        implements EventData {
}
