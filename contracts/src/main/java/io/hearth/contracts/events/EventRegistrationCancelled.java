package io.hearth.contracts.events;

/**
 * A member cancelled their registration; status is what it was (REGISTERED frees a place, WAITLISTED leaves the
 * waitlist).
 */
public record EventRegistrationCancelled(String communityId, String eventId, String userId, String status)
        implements EventData {
}
