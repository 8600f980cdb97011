package io.hearth.contracts.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Staff muted a member until {@code until}: they may read, but not write, in the community until then. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberMuted(String communityId, String userId, Instant until, String reason, String mutedBy)
        implements EventData {
}
