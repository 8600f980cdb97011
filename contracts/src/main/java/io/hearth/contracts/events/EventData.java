package io.hearth.contracts.events;

/** The {@code data} of a Hearth event. Every event belongs to one community, which is also its key and subject. */
public interface EventData {
    String communityId();
}
