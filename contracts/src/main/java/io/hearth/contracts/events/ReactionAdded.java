package io.hearth.contracts.events;

/** A member reacted to a post (one of content's fixed reactions, e.g. {@code like}); a repeat is not an event. */
public record ReactionAdded(String communityId, String postId, String userId, String reaction, String postAuthorId)
        implements MemberActivity {
    @Override
    public String actorId() {
        return userId;
    }
}
