package io.hearth.monetization.mapping;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record PriceRequest(
        @NotNull @Positive @Schema(description = "Amount in minor units of the currency (cents, fen), an integer; "
                + "a float or a string is refused", examples = "4900") Long amountMinor,
        @NotNull @IsoCurrency @Schema(description = "Upper-case ISO-4217 code", examples = "CNY",
                pattern = "^[A-Z]{3}$") String currency) {
}
