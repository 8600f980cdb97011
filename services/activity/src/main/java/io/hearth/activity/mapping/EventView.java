package io.hearth.activity.mapping;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.activity.domain.Event;

@Schema(description = "An event and how full it is",
        requiredProperties = { "id", "communityId", "title", "startsAt", "endsAt", "capacity", "online", "registered",
                "waitlisted", "placesLeft", "createdBy", "createdAt" })
public record EventView(UUID id, UUID communityId, String title,
        @Schema(description = "What it is about; absent for none") String description,
        Instant startsAt, Instant endsAt,
        @Schema(description = "How many places there are") int capacity,
        @Schema(description = "Where the meetup takes place; absent for an online session") String location,
        @Schema(description = "Where the online session takes place; absent for a meetup") String url,
        @Schema(description = "True for an online session (url), false for a meetup (location)") boolean online,
        @Schema(description = "Members holding a place") int registered,
        @Schema(description = "Members waiting for a place: the waitlist's length") int waitlisted,
        @Schema(description = "Places still free: capacity minus registered") int placesLeft,
        @Schema(description = "User id of the staff member who created it") String createdBy,
        Instant createdAt,
        @Schema(description = "The caller's registration, on a single event only; absent when the caller holds none "
                + "and in lists") RegistrationView registration) {

    public static EventView of(Event e, RegistrationView registration) {
        return new EventView(e.id, e.communityId, e.title, e.description, e.startsAt, e.endsAt, e.capacity,
                e.location, e.url, e.online(), e.registered, e.waitlisted, e.placesLeft(), e.createdBy, e.createdAt,
                registration);
    }
}
