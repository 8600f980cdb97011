package io.hearth.activity.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * The periods points are counted over: rolling windows ending now, by the time of the action that earned the points
 * (the event's time, not when it was booked), so the last 7 days are the 7 × 24 hours before the request.
 */
public enum PointsPeriod {
    LAST_7_DAYS("7d", Duration.ofDays(7)),
    LAST_30_DAYS("30d", Duration.ofDays(30)),
    ALL("all", null);

    private final String label;
    private final Duration length;

    PointsPeriod(String label, Duration length) {
        this.label = label;
        this.length = length;
    }

    public String label() {
        return label;
    }

    /** The first instant whose actions count in the period ending at {@code now}. */
    public Instant since(Instant now) {
        return length == null ? Instant.EPOCH : now.minus(length);
    }

    public static PointsPeriod ofLabel(String label) {
        for (PointsPeriod period : values()) {
            if (period.label.equals(label)) {
                return period;
            }
        }
        throw new IllegalArgumentException("No period " + label);
    }
}
