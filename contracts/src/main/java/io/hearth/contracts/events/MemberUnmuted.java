package io.hearth.contracts.events;

/** Staff lifted a member's mute before it ran out. */
public record MemberUnmuted(String communityId, String userId, String unmutedBy) implements EventData {
}
