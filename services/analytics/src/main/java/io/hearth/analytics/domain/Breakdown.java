package io.hearth.analytics.domain;

import java.util.Arrays;
import java.util.Optional;

/** What an acquisition funnel can be broken down by: one funnel per value of the person's first touch. */
public enum Breakdown {
    SOURCE("source"),
    CHANNEL("channel"),
    REFERRER("referrer");

    private final String key;

    Breakdown(String key) {
        this.key = key;
    }

    /** As the query parameter and the response write it. */
    public String key() {
        return key;
    }

    public static Optional<Breakdown> ofKey(String key) {
        return Arrays.stream(values()).filter(b -> b.key.equals(key)).findFirst();
    }
}
