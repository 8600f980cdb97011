package io.hearth.contracts.events;

import java.util.List;

/** A post; the body itself stays in content, consumers get its length and topics. */
public record PostCreated(String communityId, String postId, String authorId, List<String> topics, int bodyLength)
        implements MemberActivity {
    @Override
    public String actorId() {
        return authorId;
    }
}
