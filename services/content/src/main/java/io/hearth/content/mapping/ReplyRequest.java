package io.hearth.content.mapping;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new reply, or a reply's new text. */
public record ReplyRequest(
        @NotBlank @Size(max = 10000) @Schema(description = "The text, at most 10,000 characters (longer is refused "
                + "with 400)", examples = "Count me in, 6:30 at the gate?") String body) {
}
