package io.hearth.contracts.events;

/** Staff published an announcement; the title and body stay in content. */
public record AnnouncementPublished(String communityId, String announcementId, String authorId, boolean pinned)
        implements EventData {
}
