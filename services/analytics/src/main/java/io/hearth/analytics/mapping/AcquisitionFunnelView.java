package io.hearth.analytics.mapping;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The acquisition funnel of one community over an entry period: opened -> joined -> activated",
        requiredProperties = { "communityId", "from", "to", "windowDays", "activationDays", "countingUnit",
                "steps" })
public record AcquisitionFunnelView(
        @Schema(format = "uuid") String communityId,
        @Schema(description = "Start of the entry period, inclusive") Instant from,
        @Schema(description = "End of the entry period, inclusive") Instant to,
        @Schema(description = "Days after entering within which a join converts", examples = "7") int windowDays,
        @Schema(description = "Days after joining within which activity activates", examples = "7")
        int activationDays,
        @Schema(description = "What each count counts: distinct people", enumeration = "person") String countingUnit,
        @Schema(description = "The steps in funnel order: opened, joined, activated") List<FunnelStepView> steps,
        @Schema(description = "The breakdown asked for; absent when none was", enumeration = { "source", "channel",
                "referrer" }) String breakdown,
        @Schema(description = "With a breakdown: one funnel per value of the first touch, the most entrants first "
                + "(then by value); together they add up to the overall funnel") List<AcquisitionSegmentView> funnels) {
}
