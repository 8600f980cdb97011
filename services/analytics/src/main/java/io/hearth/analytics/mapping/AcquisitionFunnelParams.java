package io.hearth.analytics.mapping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.hearth.analytics.domain.Breakdown;
import io.hearth.platform.rest.Problem;

/**
 * The query parameters of the acquisition funnel ({@code @BeanParam}): the period and window as every funnel reads
 * them ({@link FunnelParams#check}), with a window of 7 days by default, and the breakdown.
 */
public class AcquisitionFunnelParams {
    public static final int DEFAULT_WINDOW_DAYS = 7;

    @QueryParam("from")
    @Parameter(description = "Start of the period in which people enter (open, or join directly), inclusive: an ISO "
            + "date (2026-11-01, from the start of that UTC day) or an ISO instant (2026-11-01T08:00:00Z). Default: "
            + "30 days before `to`.", example = "2026-11-01")
    public String from;

    @QueryParam("to")
    @Parameter(description = "End of the entry period, inclusive: an ISO date (2026-11-30, to the end of that UTC "
            + "day) or an ISO instant. Default: now.", example = "2026-11-30")
    public String to;

    @QueryParam("windowDays")
    @Parameter(description = "How many days after entering a join still converts; 1 to 365.",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "365", defaultValue = "7"))
    public String windowDays;

    @QueryParam("breakdown")
    @Parameter(description = "Also report one funnel per value of each person's first touch: its entry's `source` "
            + "label, its `channel`, or its `referrer` (the referrer's user id).",
            schema = @Schema(type = SchemaType.STRING, enumeration = { "source", "channel", "referrer" }))
    public String breakdown;

    /** The checked query; a 400 problem listing every invalid parameter otherwise. */
    public AcquisitionQuery toQuery(Instant now) {
        List<Problem.Violation> violations = new ArrayList<>();
        Breakdown by = null;
        if (breakdown != null && !breakdown.isBlank()) {
            by = Breakdown.ofKey(breakdown.strip()).orElse(null);
            if (by == null) {
                violations.add(new Problem.Violation("breakdown", "must be one of source, channel, referrer"));
            }
        }
        FunnelQuery period = FunnelParams.check(from, to, windowDays, DEFAULT_WINDOW_DAYS, now, violations);
        return new AcquisitionQuery(period, by);
    }
}
