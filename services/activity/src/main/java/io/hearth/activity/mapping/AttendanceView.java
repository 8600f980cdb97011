package io.hearth.activity.mapping;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A member's attendance at an event",
        requiredProperties = { "communityId", "eventId", "userId", "attendedAt", "counted" })
public record AttendanceView(UUID communityId, UUID eventId, String userId,
        @Schema(description = "When the attendance was recorded (the first time)") Instant attendedAt,
        @Schema(description = "True if this request recorded it; false if it was recorded already, which changes "
                + "nothing") boolean counted) {
}
