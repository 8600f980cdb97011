package io.hearth.content.mapping;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.content.domain.LinkPolicy;

/** The community's moderation rules as a whole: an absent field takes its default. */
public record ModerationRulesRequest(
        @Size(max = 200) @Schema(description = "Words and phrases refused in members' posts and replies, up to 200, "
                + "each 1 to 50 characters. Matched anywhere in the text, inside longer words too (so they work for "
                + "Chinese, which has no spaces), ignoring case, full-width forms (Unicode NFKC) and invisible "
                + "characters; stored in that form, each once. Absent or empty: nothing blocked.",
                examples = "[\"spam\", \"加微信\"]")
        List<@NotNull @Size(min = 1, max = 50) String> blockedWords,
        @Schema(description = "Who may post links (http(s)://..., www...., or a bare domain such as example.com): "
                + "ALLOW everybody (the default), STAFF_ONLY the owner and admins, BLOCK nobody, staff included")
        LinkPolicy linkPolicy,
        @Min(1) @Max(120) @Schema(description = "Posts and replies a member may write in the community in any 60 "
                + "seconds, 1 to 120; the owner and admins have no limit. Absent or null: no limit.", examples = "5")
        Integer maxPostsPerMinute,
        @Min(1) @Max(100) @Schema(description = "Breaches within 24 hours after which the member is muted, 1 to 100 "
                + "(default 3)", examples = "3")
        Integer breachesBeforeMute,
        @Min(1) @Max(43200) @Schema(description = "How long that mute lasts, in minutes, 1 to 43200 (30 days; "
                + "default 60)", examples = "60")
        Integer muteMinutes) {
}
