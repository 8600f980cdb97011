package io.hearth.contracts.events;

import java.util.List;

/** A member voted in a poll (once per poll); optionIds are the options they chose. */
public record VoteCast(String communityId, String pollId, String userId, List<String> optionIds)
        implements MemberActivity {
    @Override
    public String actorId() {
        return userId;
    }
}
