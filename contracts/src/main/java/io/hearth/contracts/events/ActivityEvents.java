package io.hearth.contracts.events;

import java.util.EnumSet;
import java.util.Set;

/**
 * The one list of event types that make a member active on a day (METRICS.md: posted, replied, reacted, checked in,
 * voted, answered, attended). Every service that tells active from silent (analytics' metrics, membership's automatic
 * tags) reads it from here; a new kind of taking part is added here, once. The data class of every type listed
 * implements {@link MemberActivity}, which names the person who took part.
 */
public final class ActivityEvents {
    public static final Set<EventType> TYPES = EnumSet.of(EventType.POST_CREATED, EventType.REPLY_CREATED,
            EventType.REACTION_ADDED, EventType.CHECKIN_RECORDED, EventType.VOTE_CAST, EventType.EVENT_ATTENDED);

    private ActivityEvents() {
    }

    public static boolean isActivity(EventType type) {
        return TYPES.contains(type);
    }
}
