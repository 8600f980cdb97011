package io.hearth.contracts.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A community was created; {@code timeZone} (IANA) decides its days, UTC when absent. {@code rules}, when set at
 * creation, is what content's welcome quotes for {rules} (later changes come with hearth.community.updated).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommunityCreated(String communityId, String name, String theme, String kind, Integer sizeCap,
        String ownerId, String timeZone, String admission, String rules) implements EventData {

    public CommunityCreated(String communityId, String name, String theme, String kind, Integer sizeCap,
            String ownerId, String timeZone, String admission) {
        this(communityId, name, theme, kind, sizeCap, ownerId, timeZone, admission, null);
    }

    public CommunityCreated(String communityId, String name, String theme, String kind, Integer sizeCap,
            String ownerId) {
        this(communityId, name, theme, kind, sizeCap, ownerId, null, null, null);
    }
}
