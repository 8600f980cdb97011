package io.hearth.contracts.events;

/** The owner gave a member another role in the community (made them an admin, or a plain member again). */
public record MemberRoleChanged(String communityId, String userId, CommunityRole role, CommunityRole previousRole,
        String changedBy) implements EventData {
}
