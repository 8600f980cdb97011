package io.hearth.contracts.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Staff approved (the person joins: {@code hearth.member.joined} follows) or declined an application. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApplicationDecided(String communityId, String applicationId, String userId, boolean approved,
        String decidedBy, String reason) implements EventData {
}
