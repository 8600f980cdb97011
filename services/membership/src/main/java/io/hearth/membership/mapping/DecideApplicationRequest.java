package io.hearth.membership.mapping;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record DecideApplicationRequest(
        @NotNull @Schema(description = "true makes the applicant a member, false declines") Boolean approve,
        @Size(max = 500) @Schema(description = "Why, for the audit and the applicant; up to 500 characters")
        String reason) {
}
