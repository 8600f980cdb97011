package io.hearth.analytics.mapping;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The acquisition funnel of the people whose first touch has one value of the breakdown",
        requiredProperties = { "value", "steps" })
public record AcquisitionSegmentView(
        @Schema(description = "The value: a source label, a channel (INVITE_LINK, REFERRAL, LIVE_CODE) or a "
                + "referrer's user id; `direct` for people who came through no entry; `none` when the entry has no "
                + "value for it (no source label, not a referral)", examples = "poster") String value,
        @Schema(description = "The steps in funnel order") List<FunnelStepView> steps) {
}
