package io.hearth.contracts.events;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The author changed a post, or a reply to it when {@code replyId} is present; {@code topics} are the post's topics as
 * they now are (absent for a reply), and {@code bodyLength} the new body's length.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PostEdited(String communityId, String postId, String replyId, String authorId, List<String> topics,
        int bodyLength) implements EventData {
}
