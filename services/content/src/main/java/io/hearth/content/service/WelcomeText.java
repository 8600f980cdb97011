package io.hearth.content.service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.hearth.platform.rest.Problems;

/**
 * The welcome's text: which placeholders a template may use, and how a burst's welcome reads. Any {@code {...}} is a
 * placeholder, so that a typo such as {@code {Names}} is refused rather than posted as it is.
 */
public final class WelcomeText {
    static final Set<String> PLACEHOLDERS = Set.of("names", "community", "rules");
    /** Names listed in full; more newcomers than this are counted ("and 12 others"), so a huge burst stays readable. */
    static final int MAX_NAMED = 20;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)\\}");
    /** What {community} says when content has not (yet) learned the community's name. */
    static final String UNKNOWN_COMMUNITY = "our community";

    private WelcomeText() {
    }

    /** 400 naming every placeholder that is not one of {names}, {community}, {rules}. */
    public static void validate(String template) {
        Set<String> unknown = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                unknown.add(m.group());
            }
        }
        if (!unknown.isEmpty()) {
            throw Problems.invalidField("template", "unknown placeholder " + String.join(", ", unknown)
                    + "; use {names}, {community} or {rules}");
        }
    }

    /**
     * The template with its placeholders filled in, in one pass: a name or rules text that itself holds "{names}"
     * is written as it is, never expanded again.
     */
    public static String render(String template, List<String> displayNames, String communityName, String rules) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "names" -> names(displayNames);
                case "community" -> communityName == null || communityName.isBlank() ? UNKNOWN_COMMUNITY
                        : communityName;
                case "rules" -> rules == null ? "" : rules;
                // Validated when set; a template can only hold these three.
                default -> m.group();
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString().strip();
    }

    /**
     * Newcomers for humans, in the order they joined: "Ann", "Ann and Bo", "Ann, Bo and Cy". Someone whose join carried
     * no display name is "a new member" ("Ann and 2 new members"); past {@value #MAX_NAMED} names the rest are counted
     * ("..., Tim and 5 others").
     */
    public static String names(List<String> displayNames) {
        List<String> named = new ArrayList<>();
        int unnamed = 0;
        for (String name : displayNames) {
            if (name == null || name.isBlank()) {
                unnamed++;
            } else {
                named.add(name.strip());
            }
        }
        List<String> parts = new ArrayList<>(named.subList(0, Math.min(named.size(), MAX_NAMED)));
        int hidden = named.size() - parts.size();
        if (hidden > 0) {
            int others = hidden + unnamed;
            parts.add(others == 1 ? "1 other" : others + " others");
        } else if (unnamed > 0) {
            parts.add(unnamed == 1 ? "a new member" : unnamed + " new members");
        }
        if (parts.size() <= 1) {
            return parts.isEmpty() ? "" : parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
