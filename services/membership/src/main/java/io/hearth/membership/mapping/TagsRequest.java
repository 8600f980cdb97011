package io.hearth.membership.mapping;

import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The member's manual tags, replacing all they had", requiredProperties = "tags")
public record TagsRequest(
        @NotNull @Schema(description = "0 to 20 tags, each 1 to 32 characters of letters, digits and '-'; letters are "
                + "stored in lower case, and two tags that differ only in case are duplicates. The automatic tags' "
                + "names (new, active, silent, key-member) are refused. An empty list removes all manual tags.",
                maxItems = 20) List<String> tags) {
}
