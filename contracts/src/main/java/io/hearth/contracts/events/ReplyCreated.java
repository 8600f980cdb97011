package io.hearth.contracts.events;

/** A member replied to a post; {@code postAuthorId} is whom they answered. The body stays in content. */
public record ReplyCreated(String communityId, String postId, String replyId, String authorId, String postAuthorId,
        int bodyLength) implements MemberActivity {
    @Override
    public String actorId() {
        return authorId;
    }
}
