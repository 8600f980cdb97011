package io.hearth.contracts.events;

import java.time.LocalDate;

/** A member's daily check-in: {@code day} is the calendar day it counts for, {@code streak} the run of days it ends. */
public record CheckInRecorded(String communityId, String userId, LocalDate day, int streak) implements MemberActivity {
    @Override
    public String actorId() {
        return userId;
    }
}
