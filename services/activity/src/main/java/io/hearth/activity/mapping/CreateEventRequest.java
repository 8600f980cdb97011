package io.hearth.activity.mapping;

import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A new event: a meetup at a location or an online session at a URL, exactly one of the two")
public record CreateEventRequest(
        @NotBlank @Size(max = 200) @Schema(description = "The title, at most 200 characters",
                examples = "Saturday long run at West Lake") String title,
        @Size(max = 5000) @Schema(description = "What it is about, at most 5,000 characters; absent for none",
                examples = "12 km at an easy pace, coffee afterwards.") String description,
        @NotNull @Schema(description = "When it starts: in the future, else 422 event-invalid",
                examples = "2026-11-28T07:00:00Z") Instant startsAt,
        @NotNull @Schema(description = "When it ends: after startsAt, else 422 event-invalid",
                examples = "2026-11-28T09:00:00Z") Instant endsAt,
        @NotNull @Max(100_000) @Schema(description = "How many places there are, at least 1 (else 422 event-invalid) "
                + "and at most 100,000 (else 400); registrations beyond it go to the waitlist", examples = "20")
        Integer capacity,
        @Size(max = 300) @Schema(description = "Where a meetup takes place; give this or url, not both (else 422 "
                + "event-invalid). Blank counts as absent.", examples = "Boathouse, West Lake, Hangzhou")
        String location,
        @Size(max = 2000) @Schema(description = "Where an online session takes place, an http(s) URL (else 400); give "
                + "this or location, not both (else 422 event-invalid). Blank counts as absent.")
        String url) {
}
