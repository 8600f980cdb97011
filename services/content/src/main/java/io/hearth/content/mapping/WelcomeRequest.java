package io.hearth.content.mapping;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record WelcomeRequest(
        @NotBlank @Size(max = WelcomeRequest.MAX_TEMPLATE) @Schema(description = "The welcome's text, at most 2,000 "
                + "characters. Placeholders: {names} (the newcomers, e.g. \"Ann, Bo and Cy\"), {community} (the "
                + "community's name) and {rules} (its rules, empty when it has none); any other {...} is refused with "
                + "400.", examples = "Welcome {names} to {community}! Please read our rules: {rules}") String template,
        @Min(0) @Max(3600) @Schema(description = "Joins within this many seconds of a burst's first join share one "
                + "welcome, posted when the window ends; 0 to 3,600, absent means 60. 0 welcomes each join on its own.",
                examples = "60") Integer mergeSeconds) {

    public static final int MAX_TEMPLATE = 2000;
    public static final int DEFAULT_MERGE_SECONDS = 60;

    public int mergeSecondsOrDefault() {
        return mergeSeconds == null ? DEFAULT_MERGE_SECONDS : mergeSeconds;
    }
}
