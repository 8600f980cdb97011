package io.hearth.activity.mapping;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.activity.domain.Lottery;

@Schema(name = "Lottery", description = "A lottery. Before the draw it shows its commitment but not its seed; after "
        + "it, the seed, everyone who was eligible with their score, and the winners, so that anyone can check that "
        + "SHA-256(seed bytes) = commitment and recompute each score and the winners.",
        requiredProperties = { "id", "communityId", "prize", "winners", "eligibility", "drawAt", "commitment",
                "createdBy", "createdAt", "status" })
public record LotteryView(UUID id, UUID communityId, String prize,
        @Schema(description = "How many are to win; when fewer were eligible, all of them won") int winners,
        EligibilityRule eligibility,
        @Schema(description = "When it is (or was) due to be drawn") Instant drawAt,
        @Schema(description = "Lowercase hex SHA-256 of the 32 bytes of the secret seed (of the bytes, not of their "
                + "hex text), fixed at creation", pattern = "^[0-9a-f]{64}$") String commitment,
        String createdBy, Instant createdAt,
        @Schema(description = "OPEN until drawn, then DRAWN", enumeration = { "OPEN", "DRAWN" }) String status,
        @Schema(description = "When it was drawn; absent while OPEN") Instant drawnAt,
        @Schema(description = "The seed, 32 bytes in lowercase hex; absent while OPEN",
                pattern = "^[0-9a-f]{64}$") String seedHex,
        @Schema(description = "How many members were eligible at the draw; absent while OPEN") Integer eligibleCount,
        @Schema(description = "The winners, lowest score first; absent while OPEN") List<String> winnerIds,
        @Schema(description = "Everyone eligible at the draw with their score, lowest score first; only when one "
                + "lottery is read, absent while OPEN") List<EntrantView> eligible) {

    /** The lottery as members see it: the seed only once drawn, the entrants only when {@code eligible} is given. */
    public static LotteryView of(Lottery lottery, List<String> winnerIds, List<EntrantView> eligible) {
        EligibilityRule rule = new EligibilityRule(lottery.eligibility, lottery.minCheckIns, lottery.withinDays);
        boolean drawn = lottery.drawn();
        return new LotteryView(lottery.id, lottery.communityId, lottery.prize, lottery.winners, rule, lottery.drawAt,
                lottery.commitment, lottery.createdBy, lottery.createdAt, drawn ? "DRAWN" : "OPEN", lottery.drawnAt,
                drawn ? HexFormat.of().formatHex(lottery.seed) : null, drawn ? lottery.eligibleCount : null,
                drawn ? winnerIds : null, drawn ? eligible : null);
    }
}
