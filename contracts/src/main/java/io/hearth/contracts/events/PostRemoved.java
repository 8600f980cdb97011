package io.hearth.contracts.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A post, or a reply to it when {@code replyId} is present, was taken down: by its author (then {@code removedBy} is
 * the author and there may be no reason) or by staff, with a reason.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PostRemoved(String communityId, String postId, String replyId, String authorId, String removedBy,
        String reason) implements EventData {
}
