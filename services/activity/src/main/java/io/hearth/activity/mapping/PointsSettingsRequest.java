package io.hearth.activity.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A whole replacement of a community's points per action; an absent field takes its default. */
@Schema(description = "Points per action, each 0 to 1000; an absent field takes its default (a whole replacement, "
        + "not a patch)")
public record PointsSettingsRequest(
        @Schema(description = "Points for publishing a post (default 2)", minimum = "0", maximum = "1000",
                examples = "3") Integer post,
        @Schema(description = "Points for replying (default 1)", minimum = "0", maximum = "1000",
                examples = "1") Integer reply,
        @Schema(description = "Points to a post's author for each reaction someone else gives it (default 1)",
                minimum = "0", maximum = "1000", examples = "1") Integer reactionReceived,
        @Schema(description = "Points for a day's check-in (default 1)", minimum = "0", maximum = "1000",
                examples = "1") Integer checkIn,
        @Schema(description = "Points for attending an event (default 5)", minimum = "0", maximum = "1000",
                examples = "5") Integer attendance,
        @Schema(description = "Points to the author of a reply accepted as a question's answer (default 10)",
                minimum = "0", maximum = "1000", examples = "10") Integer acceptedAnswer,
        @Schema(description = "Points for completing a challenge (default 20)", minimum = "0", maximum = "1000",
                examples = "20") Integer challengeCompleted) {
}
