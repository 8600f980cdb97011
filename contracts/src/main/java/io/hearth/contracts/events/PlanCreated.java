package io.hearth.contracts.events;

public record PlanCreated(String communityId, String planId, String name, Money price, int periodDays)
        implements EventData {
}
