package io.hearth.analytics.mapping;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A funnel of one community over an entry period", requiredProperties = { "communityId", "from",
        "to", "windowDays", "countingUnit", "steps" })
public record FunnelView(
        @Schema(format = "uuid") String communityId,
        @Schema(description = "Start of the entry period, inclusive") Instant from,
        @Schema(description = "End of the entry period, inclusive") Instant to,
        @Schema(description = "Conversion window in days, counted from each person's entry", examples = "14")
        int windowDays,
        @Schema(description = "What each count counts: distinct people; or questions, registrations (a person for "
                + "one event) or participations (a person in one challenge)",
                enumeration = { "person", "question", "registration", "participation" }) String countingUnit,
        @Schema(description = "The steps in funnel order") List<FunnelStepView> steps) {
}
