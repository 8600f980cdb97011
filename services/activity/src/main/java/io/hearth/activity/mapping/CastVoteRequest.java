package io.hearth.activity.mapping;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CastVoteRequest(
        @NotNull @Size(min = 1, max = 10) @Schema(description = "Ids of the options chosen, each once: exactly one in "
                + "a single-choice poll, one or more in a multiple-choice poll",
                examples = "[\"3b0e6f0a-1c2d-4e5f-8a9b-0c1d2e3f4a5b\"]")
        List<@NotNull UUID> optionIds) {
}
