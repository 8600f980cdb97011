package io.hearth.contracts.events;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommunityCreated(String communityId, String name, String theme, String kind, Integer sizeCap,
        String ownerId) implements EventData {
}
