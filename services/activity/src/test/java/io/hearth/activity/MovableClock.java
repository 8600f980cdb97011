package io.hearth.activity;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * Replaces the service's system clock in tests so that they can check in on consecutive days without waiting:
 * {@link #setTo} stops it at an instant, {@link #reset} lets it follow the system clock again.
 */
@Alternative
@Priority(1)
@Singleton
public class MovableClock extends Clock {
    private volatile Instant fixed;

    public void setTo(Instant instant) {
        fixed = instant;
    }

    public void reset() {
        fixed = null;
    }

    @Override
    public Instant instant() {
        Instant now = fixed;
        return now != null ? now : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}
