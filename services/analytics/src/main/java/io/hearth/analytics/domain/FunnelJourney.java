package io.hearth.analytics.domain;

import java.time.Instant;
import java.util.List;

/**
 * How far one person got through a funnel: {@code reached.get(0)} is when they entered step 1, {@code reached.get(k)}
 * when they first did step k+1 in order and within the window, or null when they did not (and then neither did they
 * reach any later step).
 */
public record FunnelJourney(String personId, List<Instant> reached) {

    public Instant entered() {
        return reached.get(0);
    }
}
