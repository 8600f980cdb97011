package io.hearth.content.domain;

/** The moderation rules a text can break, by the name problems and events give them. */
public enum ModerationRule {
    BLOCKED_WORD("blocked-word"),
    LINK("link"),
    FLOOD("flood");

    private final String value;

    ModerationRule(String value) {
        this.value = value;
    }

    /** The name in the problem's {@code rule}, in hearth.rule.breached and in the breach list. */
    public String value() {
        return value;
    }

    public static ModerationRule of(String value) {
        for (ModerationRule rule : values()) {
            if (rule.value.equals(value)) {
                return rule;
            }
        }
        throw new IllegalArgumentException("No moderation rule " + value);
    }
}
