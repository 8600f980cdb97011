package io.hearth.contracts.events;

import java.util.List;

/** Content posted the community's welcome, naming every newcomer who joined within the merge window. */
public record WelcomePosted(String communityId, String postId, List<String> newcomerIds) implements EventData {
}
