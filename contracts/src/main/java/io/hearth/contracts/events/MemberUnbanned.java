package io.hearth.contracts.events;

/** Staff lifted a ban; the person may join again. */
public record MemberUnbanned(String communityId, String userId, String unbannedBy) implements EventData {
}
