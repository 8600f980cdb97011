package io.hearth.activity.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.activity.domain.LotteryEntrant;

@Schema(name = "LotteryEntrant", description = "A member eligible at the draw and their score",
        requiredProperties = { "userId", "score", "rank" })
public record EntrantView(String userId,
        @Schema(description = "Lowercase hex SHA-256 of the UTF-8 bytes of seedHex + ':' + userId",
                pattern = "^[0-9a-f]{64}$") String score,
        @Schema(description = "1 for the lowest score; ranks up to the lottery's winners won") int rank) {

    public static EntrantView of(LotteryEntrant entrant) {
        return new EntrantView(entrant.userId, entrant.score, entrant.rank);
    }
}
