package io.hearth.content.mapping;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.content.domain.RuleBreach;

@Schema(description = "A member's post or reply that a moderation rule refused",
        requiredProperties = { "id", "communityId", "userId", "rule", "breaches", "breachedAt" })
public record RuleBreachView(UUID id, UUID communityId,
        @Schema(description = "Keycloak subject of the member") String userId,
        @Schema(description = "The rule broken", enumeration = { "blocked-word", "link", "flood" }) String rule,
        @Schema(description = "The blocked word (as matched) or the link found; absent for flood") String matched,
        @Schema(description = "The member's breaches in the community in the 24 hours up to this one, this one "
                + "included") int breaches,
        @Schema(description = "Minutes this breach asked membership to mute the member for; absent when it did not")
        Integer muteMinutes,
        Instant breachedAt) {

    public static RuleBreachView of(RuleBreach breach) {
        return new RuleBreachView(breach.id, breach.communityId, breach.userId, breach.rule, breach.matched,
                breach.breaches, breach.muteMinutes, breach.breachedAt);
    }
}
