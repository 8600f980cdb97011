package io.hearth.monetization.mapping;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.monetization.domain.PaymentOutcome;

/** The payment provider's callback about one order. */
public record PaymentCallback(
        @NotNull UUID orderId,
        @NotNull PaymentOutcome outcome,
        @NotBlank @Size(max = 200) @Schema(description = "The provider's own id of the payment", examples = "pay_7Hq2")
        String providerReference) {
}
