package io.hearth.contracts.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A member's post or reply was refused by one of the community's moderation rules ({@code blocked-word},
 * {@code link}, {@code flood}); {@code breaches} counts theirs in the last 24 hours. When that count reaches the
 * community's limit, {@code muteMinutes} says how long membership must mute them for.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleBreached(String communityId, String userId, String rule, int breaches, Integer muteMinutes)
        implements EventData {
}
