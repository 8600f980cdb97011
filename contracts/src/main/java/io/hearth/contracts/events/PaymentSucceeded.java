package io.hearth.contracts.events;

public record PaymentSucceeded(String communityId, String orderId, String planId, String buyerId, Money amount,
        String providerReference) implements EventData {
}
