package io.hearth.membership.mapping;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record MuteRequest(
        @NotNull @Min(1) @Max(MuteRequest.MAX_MINUTES)
        @Schema(required = true, minimum = "1", maximum = "43200", description = "How long the mute lasts from now, "
                + "in minutes: 1 to 43200 (30 days)") Integer minutes,
        @Size(max = MuteRequest.MAX_REASON)
        @Schema(maxLength = MuteRequest.MAX_REASON, description = "Why, for the member and the audit") String reason) {

    /** Thirty days: a longer silence is a removal. */
    public static final int MAX_MINUTES = 43_200;
    public static final int MAX_REASON = 500;
}
