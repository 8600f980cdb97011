package io.hearth.activity.mapping;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "How the poll stands: the members who voted and the votes each option got",
        requiredProperties = { "voterCount", "options" })
public record PollResults(
        @Schema(description = "Members who voted") long voterCount,
        @Schema(description = "Every option of the poll, in the poll's order, with its votes (0 if none); in a "
                + "multiple-choice poll the votes add up to more than voterCount") List<OptionVotes> options) {

    @Schema(description = "The votes one option got", requiredProperties = { "optionId", "votes" })
    public record OptionVotes(UUID optionId, long votes) {
    }
}
