package io.hearth.contracts.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ActivityEventsTest {

    @Test
    void everyActivityTypeNamesThePersonWhoTookPart() {
        for (EventType type : ActivityEvents.TYPES) {
            assertTrue(MemberActivity.class.isAssignableFrom(type.dataClass()),
                    type.type() + " is an activity type, so its data must implement MemberActivity");
        }
    }

    @Test
    void theActorIsReadFromTheEventsOwnField() {
        String community = UUID.randomUUID().toString();
        assertEquals("author-1", new PostCreated(community, UUID.randomUUID().toString(), "author-1", List.of(), 3)
                .actorId());
        assertEquals("runner-1", new CheckInRecorded(community, "runner-1", LocalDate.of(2026, 11, 21), 1).actorId());
    }

    @Test
    void theActorIsNotWrittenIntoTheEventJson() {
        String json = EventJson.write(new PostCreated(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                "author-1", List.of(), 3));
        assertFalse(json.contains("actorId"), json);
    }
}
