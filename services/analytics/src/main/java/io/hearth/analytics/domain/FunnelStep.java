package io.hearth.analytics.domain;

import io.hearth.contracts.events.EventType;

/** A step of a funnel: the key it is reported under and the event that marks a person doing it. */
public record FunnelStep(String key, EventType event) {
}
