package io.hearth.membership.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The tags membership gives members from their activity; staff cannot set these names by hand. New, active and silent
 * are judged at read time from joined_at and the last activity, so they change as time passes without any event.
 */
public enum AutoTag {
    /** Joined in the last 7 days (168 hours before now). */
    NEW("new"),
    /** Active (an activity event, ActivityEvents.TYPES) in the last 7 days. */
    ACTIVE("active"),
    /** A member for 14 days or more with no activity in the last 14 days. */
    SILENT("silent"),
    /**
     * Among the fewest plain members (staff left out) whose activity events add up to at least half of all plain
     * members' events in the last 30 UTC days (METRICS.md key members).
     */
    KEY_MEMBER("key-member");

    private final String label;

    AutoTag(String label) {
        this.label = label;
    }

    /** The tag as clients see and filter it. */
    public String label() {
        return label;
    }

    public static Optional<AutoTag> ofLabel(String label) {
        return Arrays.stream(values()).filter(t -> t.label.equals(label)).findFirst();
    }
}
