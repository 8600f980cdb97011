package io.hearth.membership.mapping;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.membership.domain.CommunityKind;

public record CreateCommunityRequest(
        @NotBlank @Size(max = 120) @Schema(examples = "Morning Runners Shanghai") String name,
        @NotBlank @Size(max = 500) @Schema(description = "The shared value that holds the community together",
                examples = "Run 5 km before work, together") String theme,
        @NotNull CommunityKind kind,
        @Min(1) @Max(100000) @Schema(description = "Most members allowed, staff included; absent for no cap") Integer sizeCap) {
}
