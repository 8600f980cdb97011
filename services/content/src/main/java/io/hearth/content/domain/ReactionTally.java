package io.hearth.content.domain;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** How many of each reaction a post has, and which of them the reader gave. */
public record ReactionTally(Map<Reaction, Integer> counts, Set<Reaction> mine) {
    public static final ReactionTally NONE = new ReactionTally(Map.of(), Set.of());

    public int count(Reaction reaction) {
        return counts.getOrDefault(reaction, 0);
    }

    /** Builds tallies row by row, as the database groups them. */
    public static final class Builder {
        private final Map<Reaction, Integer> counts = new EnumMap<>(Reaction.class);
        private final Set<Reaction> mine = EnumSet.noneOf(Reaction.class);

        public Builder add(Reaction reaction, int count, boolean byReader) {
            counts.put(reaction, count);
            if (byReader) {
                mine.add(reaction);
            }
            return this;
        }

        public ReactionTally build() {
            return new ReactionTally(Map.copyOf(counts), Set.copyOf(mine));
        }
    }
}
