package io.hearth.analytics.mapping;

import java.time.Instant;
import java.util.ArrayList;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The period of the referrer ranking ({@code @BeanParam}), read as every analytics period is. */
public class ReferrerParams {

    @QueryParam("from")
    @Parameter(description = "Start of the period of first joins, inclusive: an ISO date (2026-11-01, from the start "
            + "of that UTC day) or an ISO instant (2026-11-01T08:00:00Z). Default: 30 days before `to`.",
            example = "2026-11-01")
    public String from;

    @QueryParam("to")
    @Parameter(description = "End of the period of first joins, inclusive: an ISO date (2026-11-30, to the end of "
            + "that UTC day) or an ISO instant. Default: now.", example = "2026-11-30")
    public String to;

    /** The checked period (its window is unused); a 400 problem listing every invalid parameter otherwise. */
    public FunnelQuery toQuery(Instant now) {
        return FunnelParams.check(from, to, null, FunnelParams.DEFAULT_WINDOW_DAYS, now, new ArrayList<>());
    }
}
