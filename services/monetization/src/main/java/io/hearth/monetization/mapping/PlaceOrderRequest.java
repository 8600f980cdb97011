package io.hearth.monetization.mapping;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record PlaceOrderRequest(@NotNull @Schema(description = "A plan of the same community") UUID planId) {
}
