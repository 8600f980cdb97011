package io.hearth.contracts.events;

import java.util.List;

/**
 * A lottery was drawn, once: seedHex reveals the seed (SHA-256 of its bytes is the commitment); winnerIds are the
 * eligible users with the lowest SHA-256(seedHex + ':' + userId), lowest first.
 */
public record LotteryDrawn(String communityId, String lotteryId, String seedHex, int eligibleCount,
        List<String> winnerIds)
        implements EventData {
}
