package io.hearth.analytics.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One step of a funnel", requiredProperties = { "key", "count", "conversionFromPrevious",
        "conversionFromFirst", "incomplete" })
public record FunnelStepView(
        @Schema(description = "The step (each funnel lists its own)", enumeration = { "joined", "posted", "checked_in",
                "paid", "opened", "activated", "reacted", "replied", "asked", "accepted", "registered", "got_place",
                "attended", "completed" }) String key,
        @Schema(description = "Distinct people (for the funnels of things: questions, registrations, "
                + "participations) who reached this step in order, within the window") long count,
        @Schema(description = "count / count of the previous step (step 1: 1 when anyone entered); 0 when the "
                + "denominator is 0", examples = "0.5") double conversionFromPrevious,
        @Schema(description = "count / count of step 1; 0 when nobody entered", examples = "0.5")
        double conversionFromFirst,
        @Schema(description = "Median seconds from entering step 1 to reaching this step, over those who reached it;"
                + " absent when nobody did") Double medianSecondsFromFirst,
        @Schema(description = "Mean seconds from entering step 1 to reaching this step, over those who reached it;"
                + " absent when nobody did") Double meanSecondsFromFirst,
        @Schema(description = "People who have not reached this step but whose window is still open: not counted "
                + "as dropped") long incomplete) {
}
