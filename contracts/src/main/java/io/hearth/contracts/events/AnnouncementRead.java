package io.hearth.contracts.events;

/** A member marked an announcement read, the first time only. Reading is not activity (METRICS.md). */
public record AnnouncementRead(String communityId, String announcementId, String userId) implements EventData {
}
