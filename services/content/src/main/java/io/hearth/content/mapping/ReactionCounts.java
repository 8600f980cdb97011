package io.hearth.content.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.content.domain.Reaction;
import io.hearth.content.domain.ReactionTally;

@Schema(description = "How many members gave each reaction to the post; every reaction is present, 0 for none",
        requiredProperties = { "like", "love", "laugh", "thanks", "insightful" })
public record ReactionCounts(int like, int love, int laugh, int thanks, int insightful) {

    public static ReactionCounts of(ReactionTally tally) {
        return new ReactionCounts(tally.count(Reaction.LIKE), tally.count(Reaction.LOVE), tally.count(Reaction.LAUGH),
                tally.count(Reaction.THANKS), tally.count(Reaction.INSIGHTFUL));
    }
}
