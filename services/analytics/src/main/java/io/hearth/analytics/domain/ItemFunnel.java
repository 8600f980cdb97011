package io.hearth.analytics.domain;

import java.util.List;

/**
 * A funnel that counts things rather than people: each question, each person's registration for one event, each
 * person's part in one challenge. Its steps and the unit its counts are in.
 */
public enum ItemFunnel {
    /** A question: asked, then a first reply by someone else, then an accepted answer. */
    QUESTIONS("question", List.of("asked", "replied", "accepted")),
    /** A person's registration for one event: registered, then a place (at once or from the waitlist), then there. */
    EVENTS("registration", List.of("registered", "got_place", "attended")),
    /** A person's part in one challenge: joined it, checked in on its days, reached its goal. */
    CHALLENGES("participation", List.of("joined", "checked_in", "completed"));

    private final String countingUnit;
    private final List<String> stepKeys;

    ItemFunnel(String countingUnit, List<String> stepKeys) {
        this.countingUnit = countingUnit;
        this.stepKeys = stepKeys;
    }

    public String countingUnit() {
        return countingUnit;
    }

    public List<String> stepKeys() {
        return stepKeys;
    }
}
