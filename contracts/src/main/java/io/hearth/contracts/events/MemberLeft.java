package io.hearth.contracts.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A membership ended: the member left, or staff removed them ({@code removedBy} and {@code reason} set; a ban also
 * publishes {@code hearth.member.banned}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberLeft(String communityId, String userId, String removedBy, String reason) implements EventData {

    public MemberLeft(String communityId, String userId) {
        this(communityId, userId, null, null);
    }
}
