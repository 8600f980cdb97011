package io.hearth.content.mapping;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.content.domain.CommunityRules;
import io.hearth.content.domain.LinkPolicy;

@Schema(description = "A community's moderation rules; the defaults while staff never set any",
        requiredProperties = { "communityId", "blockedWords", "linkPolicy", "breachesBeforeMute", "muteMinutes" })
public record ModerationRulesView(UUID communityId,
        @Schema(description = "Blocked words as matched: NFKC, lower case, each once") List<String> blockedWords,
        LinkPolicy linkPolicy,
        @Schema(description = "Posts and replies a member may write in any 60 seconds; absent for no limit")
        Integer maxPostsPerMinute,
        @Schema(description = "Breaches within 24 hours that mute the member") int breachesBeforeMute,
        @Schema(description = "Minutes that mute lasts") int muteMinutes,
        @Schema(description = "When staff last set the rules; absent while they are the defaults") Instant updatedAt,
        @Schema(description = "Keycloak subject of who set them; absent while they are the defaults")
        String updatedBy) {

    public static ModerationRulesView of(CommunityRules rules) {
        return new ModerationRulesView(rules.communityId, List.copyOf(rules.blockedWords), rules.linkPolicy,
                rules.maxPostsPerMinute, rules.breachesBeforeMute, rules.muteMinutes, rules.updatedAt,
                rules.updatedBy);
    }
}
