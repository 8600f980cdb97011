package io.hearth.content.mapping;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The daily cap of broadcasts for members reached through the communities the caller owns",
        requiredProperties = "dailyCap")
public record BroadcastSettingsView(
        @NotNull @Min(0) @Max(20) @Schema(description = "At most this many broadcasts reach a member's inbox per UTC "
                + "day, across all communities, when the delivery reaches them through a community the caller owns; "
                + "0 to 20, default 2. 0: none do (the posts still appear in the communities).", examples = "2")
        Integer dailyCap) {
}
