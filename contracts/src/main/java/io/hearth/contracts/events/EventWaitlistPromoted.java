package io.hearth.contracts.events;

/** The first on an event's waitlist got the place a cancellation freed; they are now REGISTERED. */
public record EventWaitlistPromoted(String communityId, String eventId, String userId)
        implements EventData {
}
