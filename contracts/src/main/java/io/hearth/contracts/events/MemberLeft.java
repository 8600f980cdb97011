package io.hearth.contracts.events;

public record MemberLeft(String communityId, String userId) implements EventData {
}
