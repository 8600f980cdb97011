package io.hearth.analytics.domain;

/**
 * One person through the acquisition funnel: {@code journey.reached()} holds when they opened (entered), joined and
 * activated, null for a step not reached; {@code firstTouch} is what the breakdowns attribute them to.
 */
public record AcquisitionJourney(FunnelJourney journey, Attribution firstTouch) {
}
