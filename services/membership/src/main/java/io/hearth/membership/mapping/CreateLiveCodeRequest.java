package io.hearth.membership.mapping;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CreateLiveCodeRequest(
        @NotBlank @Size(max = 120) @Schema(description = "What the operator calls the code", examples = "Runners poster")
        String name,
        @NotNull @Size(min = 1, max = 20)
        @Schema(type = SchemaType.ARRAY, implementation = UUID.class, minItems = 1, maxItems = 20, uniqueItems = true,
                description = "The pool, in the order newcomers fill it; the caller must own every one")
        List<@NotNull UUID> communityIds,
        @Size(min = 1, max = 40) @Pattern(regexp = Labels.SOURCE_PATTERN, message = Labels.SOURCE_MESSAGE)
        @Schema(description = "The operator's label for where the code is published (poster, offline-meetup, ...)",
                maxLength = 40) String source,
        @NotNull @Schema(description = "When every community of the pool is full: true creates a copy of the last "
                + "one (owned by the code's owner, name numbered) and puts the newcomer there; false refuses the "
                + "join (422 community-full)") Boolean overflow) {
}
