package io.hearth.contracts.events;

import java.time.Instant;

/** Staff scheduled an event (a meetup at a location, or an online session at a URL) with a capacity. */
public record EventCreated(String communityId, String eventId, String title, Instant startsAt, Instant endsAt,
        int capacity, boolean online, String createdBy)
        implements EventData {
}
