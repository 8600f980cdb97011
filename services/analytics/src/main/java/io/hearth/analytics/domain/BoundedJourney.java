package io.hearth.analytics.domain;

import java.time.Instant;

/**
 * A journey of an {@link ItemFunnel} and until when its missing steps may still come: the end of the question's
 * window, of the event, of the challenge's last day. Null when that is not known (nothing may still come).
 */
public record BoundedJourney(FunnelJourney journey, Instant openUntil) {
    public boolean mayStillReachBy(Instant asOf) {
        return openUntil != null && openUntil.isAfter(asOf);
    }
}
