package io.hearth.content.mapping;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record KnowledgeSettingsRequest(
        @NotNull @Min(1) @Max(10000) @Schema(description = "Replies plus reactions at which a post is nominated to "
                + "the knowledge base automatically, 1 to 10,000", examples = "10") Integer nominationThreshold) {
}
