package io.hearth.activity.mapping;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CreatePollRequest(
        @NotBlank @Size(max = 300) @Schema(description = "What the poll asks, at most 300 characters; stored trimmed",
                examples = "Which evening suits the next meetup?") String question,
        @NotNull @Size(min = 2, max = 10) @Schema(description = "2 to 10 answers to choose from, each non-blank, at "
                + "most 200 characters and different from the others (compared trimmed, ignoring case); stored "
                + "trimmed, in this order, each given an id", examples = "[\"Tuesday\", \"Thursday\", \"Friday\"]")
        List<@NotBlank @Size(max = 200) String> options,
        @Schema(description = "True: a voter may choose several options; false or absent: exactly one")
        Boolean multipleChoice,
        @NotNull @Schema(description = "When voting ends: in the future and at most a year ahead",
                examples = "2026-11-28T20:00:00Z") Instant closesAt) {

    public boolean isMultipleChoice() {
        return Boolean.TRUE.equals(multipleChoice);
    }
}
