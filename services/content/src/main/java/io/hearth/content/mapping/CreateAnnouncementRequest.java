package io.hearth.content.mapping;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CreateAnnouncementRequest(
        @NotBlank @Size(max = 200) @Schema(description = "The headline, at most 200 characters (longer is refused with "
                + "400)", examples = "Meetup moves to Saturday") String title,
        @NotBlank @Size(max = 10000) @Schema(description = "The text, at most 10,000 characters (longer is refused "
                + "with 400)", examples = "Rain is forecast on Friday, so we meet on Saturday at 9 at the east gate.")
        String body,
        @Schema(description = "Shown before the unpinned ones in the list; absent means false", examples = "true")
        Boolean pinned) {

    public boolean isPinned() {
        return Boolean.TRUE.equals(pinned);
    }
}
