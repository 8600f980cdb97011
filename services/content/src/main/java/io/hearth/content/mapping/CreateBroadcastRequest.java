package io.hearth.content.mapping;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CreateBroadcastRequest(
        @NotNull @Size(min = 1, max = 50) @Schema(description = "The target communities, 1 to 50, each once; the "
                + "caller must be the owner or an admin of every one")
        List<@NotNull UUID> communityIds,
        @NotBlank @Size(max = 200) @Schema(description = "The title, at most 200 characters",
                examples = "Summer meetup in Hangzhou") String title,
        @NotBlank @Size(max = 10000) @Schema(description = "The text, at most 10,000 characters",
                examples = "All three running groups meet on 12 July at the West Lake boathouse, 7:00.") String body,
        @Schema(description = "Publish then instead of now: in the future and at most a year ahead, else 400. Absent: "
                + "now.", examples = "2026-11-22T07:00:00Z") Instant publishAt) {
}
