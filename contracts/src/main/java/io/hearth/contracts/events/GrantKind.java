package io.hearth.contracts.events;

/** What kind of thing a plan grants: a whole community, or one paid topic, event or challenge. */
public enum GrantKind {
    COMMUNITY, TOPIC, EVENT, CHALLENGE
}
