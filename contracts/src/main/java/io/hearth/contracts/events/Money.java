package io.hearth.contracts.events;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An amount in minor units (cents, fen) of an ISO-4217 currency; never a float. */
@Schema(description = "An amount of money", requiredProperties = { "amountMinor", "currency" })
public record Money(@Schema(description = "Amount in minor units of the currency (cents, fen)", examples = "4900")
        long amountMinor,
        @Schema(description = "Upper-case ISO-4217 code", examples = "CNY", pattern = "^[A-Z]{3}$") String currency) {
}
