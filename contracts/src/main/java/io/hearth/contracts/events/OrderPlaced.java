package io.hearth.contracts.events;

public record OrderPlaced(String communityId, String orderId, String planId, String buyerId, Money price)
        implements EventData {
}
