package io.hearth.monetization.mapping;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.contracts.events.Money;
import io.hearth.monetization.domain.OrderStatus;
import io.hearth.monetization.domain.PlanOrder;

@Schema(description = "An order of a plan and where its payment stands",
        requiredProperties = { "id", "communityId", "planId", "buyerId", "price", "status", "createdAt" })
public record OrderView(UUID id, UUID communityId, UUID planId,
        @Schema(description = "Keycloak subject of the buyer") String buyerId,
        @Schema(description = "The plan's price when ordered") Money price, OrderStatus status, Instant createdAt,
        @Schema(description = "When the provider confirmed the payment; absent unless PAID") Instant paidAt,
        @Schema(description = "When the provider reported the payment failed; absent unless FAILED") Instant failedAt,
        @Schema(description = "The provider's reference of the payment, once settled") String providerReference) {

    public static OrderView of(PlanOrder order) {
        return new OrderView(order.id, order.communityId, order.planId, order.buyerId,
                new Money(order.amountMinor, order.currency), order.status, order.createdAt, order.paidAt,
                order.failedAt, order.providerReference);
    }
}
