package io.hearth.content.mapping;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the author changes in a post: each field present is replaced, each absent one stays. */
public record EditPostRequest(
        @Size(min = 1, max = 10000) @Schema(description = "The new text, 1 to 10,000 characters and not blank; absent "
                + "to keep it", examples = "5 km done before the rain (and 2 more after), who is in tomorrow?")
        String body,
        @Size(max = 10) @Schema(description = "The new topic tags, up to 10, normalised as when posting; an empty list "
                + "removes them all; absent to keep them", examples = "[\"running\"]")
        List<@NotBlank @Size(max = 40) String> topics) {
}
