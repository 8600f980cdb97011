package io.hearth.contracts.events;

import java.time.Instant;

/** Staff opened a poll; votes are taken until closesAt. */
public record PollCreated(String communityId, String pollId, String question, int optionCount, boolean multipleChoice,
        Instant closesAt, String createdBy)
        implements EventData {
}
