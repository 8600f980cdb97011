package io.hearth.contracts.events;

/**
 * A registered member recorded their attendance, from one hour before the event's start to its end. Once per member
 * and event.
 */
public record EventAttended(String communityId, String eventId, String userId)
        implements MemberActivity {
    @Override
    public String actorId() {
        return userId;
    }
}
