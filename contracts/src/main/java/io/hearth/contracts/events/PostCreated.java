package io.hearth.contracts.events;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A post was published; the body itself stays in content, consumers get its length and topics. {@code kind} is
 * {@code POST} or {@code QUESTION} ({@code BROADCAST} for the post a broadcast placed, with its {@code broadcastId});
 * absent means {@code POST}. A scheduled post is published, and this event time is, when it appears.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PostCreated(String communityId, String postId, String authorId, List<String> topics, int bodyLength,
        String kind, String broadcastId) implements MemberActivity {

    public PostCreated(String communityId, String postId, String authorId, List<String> topics, int bodyLength) {
        this(communityId, postId, authorId, topics, bodyLength, null, null);
    }

    @Override
    public String actorId() {
        return authorId;
    }
}
