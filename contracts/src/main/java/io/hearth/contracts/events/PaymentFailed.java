package io.hearth.contracts.events;

public record PaymentFailed(String communityId, String orderId, String planId, String buyerId, String outcome,
        String providerReference) implements EventData {
}
