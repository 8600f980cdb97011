package io.hearth.contracts.events;

/**
 * The data of an activity event ({@link ActivityEvents#TYPES}): says which person took part. Consumers that count
 * activity (membership's automatic tags) read the person here instead of knowing every activity type's fields, so a
 * type added to the list is counted without changing them.
 */
public interface MemberActivity extends EventData {
    /** The person who took part (posted, checked in, ...). Not a field of the event's JSON. */
    String actorId();
}
