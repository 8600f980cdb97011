package io.hearth.content.mapping;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.content.domain.WelcomeSetting;

@Schema(description = "The community's welcome, posted by hearth for each burst of joins", requiredProperties = {
        "communityId", "template", "mergeSeconds", "enabledAt", "updatedBy", "updatedAt" })
public record WelcomeView(UUID communityId,
        @Schema(description = "The text with its placeholders: {names}, {community}, {rules}") String template,
        @Schema(description = "Joins within this many seconds of a burst's first join share one welcome")
        int mergeSeconds,
        @Schema(description = "Since when the welcome is on; joins before it are not welcomed") Instant enabledAt,
        @Schema(description = "Keycloak subject of the staff member who last set it") String updatedBy,
        Instant updatedAt) {

    public static WelcomeView of(WelcomeSetting s) {
        return new WelcomeView(s.communityId, s.template, s.mergeSeconds, s.enabledAt, s.updatedBy, s.updatedAt);
    }
}
