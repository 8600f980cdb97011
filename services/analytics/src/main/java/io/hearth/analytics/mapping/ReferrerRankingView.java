package io.hearth.analytics.mapping;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The referrers of a community, by the quality of the people they brought",
        requiredProperties = { "communityId", "from", "to", "activationDays", "retentionDay", "referrers" })
public record ReferrerRankingView(
        @Schema(format = "uuid") String communityId,
        @Schema(description = "Start of the period of first joins, inclusive") Instant from,
        @Schema(description = "End of the period of first joins, inclusive") Instant to,
        @Schema(description = "Days after joining within which activity activates", examples = "7")
        int activationDays,
        @Schema(description = "The day after the join day on which retention is measured", examples = "30")
        int retentionDay,
        @Schema(description = "Best first: by activated invitees, then activation rate, then referrerId")
        List<ReferrerView> referrers) {
}
