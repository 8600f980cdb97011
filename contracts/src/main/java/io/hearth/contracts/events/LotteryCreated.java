package io.hearth.contracts.events;

import java.time.Instant;

/** Staff created a lottery; commitment is the lowercase hex SHA-256 of the secret 32-byte seed revealed at the draw. */
public record LotteryCreated(String communityId, String lotteryId, String prize, int winners, Instant drawAt,
        String commitment, String createdBy)
        implements EventData {
}
