package io.hearth.contracts.events;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What an owner may let a partner client do in one community. Each scope opens exactly one kind of call; a partner
 * holds no community role, so nothing else of the community is open to it.
 */
public enum PartnerScope {
    /** Read the member list (membership {@code GET /communities/{id}/members}). */
    MEMBERS_READ("members:read"),
    /** Read the community's funnels (analytics {@code GET /communities/{id}/funnels/...}). */
    ANALYTICS_READ("analytics:read"),
    /** Post in the community as the partner client (content {@code POST /communities/{id}/posts}). */
    POSTS_WRITE("posts:write"),
    /** Subscribe a webhook URL to the community's events (analytics {@code .../webhook-subscriptions}). */
    EVENTS_SUBSCRIBE("events:subscribe");

    private final String value;

    PartnerScope(String value) {
        this.value = value;
    }

    /** The scope as it is written in requests, responses and events, e.g. {@code members:read}. */
    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static PartnerScope of(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown partner scope: " + value));
    }

    @Override
    public String toString() {
        return value;
    }
}
