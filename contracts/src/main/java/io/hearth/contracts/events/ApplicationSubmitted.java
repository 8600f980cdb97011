package io.hearth.contracts.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A person asked to join a community that screens its members; staff decide. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApplicationSubmitted(String communityId, String applicationId, String userId, String entryCode,
        String visitorId) implements EventData {
}
