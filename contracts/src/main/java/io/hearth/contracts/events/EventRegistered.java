package io.hearth.contracts.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A member registered for an event: REGISTERED with a place, or WAITLISTED at position (1 = next to be promoted). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventRegistered(String communityId, String eventId, String userId, String status, Integer position)
        implements EventData {
}
