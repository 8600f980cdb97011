package io.hearth.activity.mapping;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A poll, as the caller may see it", requiredProperties = { "id", "communityId", "question",
        "options", "multipleChoice", "closesAt", "open", "createdBy", "createdAt" })
public record PollView(UUID id, UUID communityId, String question,
        @Schema(description = "The answers to choose from, in the order staff gave them") List<PollOptionView> options,
        @Schema(description = "Whether a voter may choose several options") boolean multipleChoice,
        @Schema(description = "When voting ends or ended; for a poll staff closed early, when they closed it")
        Instant closesAt,
        @Schema(description = "True while votes are taken (before closesAt)") boolean open,
        @Schema(description = "Keycloak subject of the staff member who created the poll") String createdBy,
        Instant createdAt,
        @Schema(description = "Keycloak subject of the staff member who closed the poll early; absent otherwise")
        String closedBy,
        @Schema(description = "Ids of the options the caller voted for; absent until the caller votes")
        List<UUID> myVote,
        @Schema(description = "Votes per option and number of voters. While the poll is open only those who voted "
                + "and staff (owner, admins) see them; once it is closed, every member. Absent for anyone else, so "
                + "that a member decides before seeing how others voted")
        PollResults results) {
}
