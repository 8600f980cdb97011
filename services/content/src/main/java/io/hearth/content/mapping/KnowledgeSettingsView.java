package io.hearth.content.mapping;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "How the community's knowledge base fills itself",
        requiredProperties = { "communityId", "nominationThreshold" })
public record KnowledgeSettingsView(UUID communityId,
        @Schema(description = "Replies plus reactions at which a post is nominated automatically (10 unless staff "
                + "set another)") int nominationThreshold) {
}
