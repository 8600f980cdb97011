package io.hearth.contracts.events;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Staff changed a community's settings; the event carries all of them as they now are, so a replica needs no other. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommunityUpdated(String communityId, String name, String theme, String rules, String timeZone,
        String admission, List<String> questions, Integer sizeCap, String updatedBy) implements EventData {
}
