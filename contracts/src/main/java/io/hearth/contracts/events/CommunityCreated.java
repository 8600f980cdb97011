package io.hearth.contracts.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A community was created; {@code timeZone} (IANA) decides its days, UTC when absent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommunityCreated(String communityId, String name, String theme, String kind, Integer sizeCap,
        String ownerId, String timeZone, String admission) implements EventData {

    public CommunityCreated(String communityId, String name, String theme, String kind, Integer sizeCap,
            String ownerId) {
        this(communityId, name, theme, kind, sizeCap, ownerId, null, null);
    }
}
