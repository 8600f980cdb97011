package io.hearth.activity.mapping;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.activity.domain.EventRegistration;
import io.hearth.activity.domain.RegistrationStatus;

@Schema(description = "A member's registration for an event: a place, or a place in the waitlist",
        requiredProperties = { "communityId", "eventId", "userId", "status", "registeredAt", "attended" })
public record RegistrationView(UUID communityId, UUID eventId, String userId,
        @Schema(description = "REGISTERED: holds a place; WAITLISTED: waits for one") RegistrationStatus status,
        @Schema(description = "For WAITLISTED only: the place in the waitlist, 1 being the next to get a freed place",
                minimum = "1") Integer position,
        @Schema(description = "When the member registered") Instant registeredAt,
        @Schema(description = "When a cancellation gave this member, then waitlisted, a place; absent otherwise")
        Instant promotedAt,
        @Schema(description = "Whether the member recorded their attendance") boolean attended,
        @Schema(description = "When the member recorded their attendance; absent if they have not") Instant attendedAt) {

    public static RegistrationView of(EventRegistration r, Integer position) {
        return new RegistrationView(r.communityId, r.eventId, r.userId, r.status,
                r.status == RegistrationStatus.WAITLISTED ? position : null, r.registeredAt, r.promotedAt,
                r.attendedAt != null, r.attendedAt);
    }
}
