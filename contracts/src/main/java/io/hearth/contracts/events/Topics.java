package io.hearth.contracts.events;

/** The four event topics, one per producing service; records are keyed by community id. */
public final class Topics {
    public static final String MEMBERSHIP = "hearth.membership.v1";
    public static final String CONTENT = "hearth.content.v1";
    public static final String ACTIVITY = "hearth.activity.v1";
    public static final String MONETIZATION = "hearth.monetization.v1";

    private Topics() {
    }
}
