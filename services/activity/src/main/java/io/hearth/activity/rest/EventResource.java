package io.hearth.activity.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hearth.activity.mapping.AttendanceView;
import io.hearth.activity.mapping.CreateEventRequest;
import io.hearth.activity.mapping.EventView;
import io.hearth.activity.mapping.RegistrationView;
import io.hearth.activity.service.EventService;
import io.hearth.activity.service.RegistrationService;
import io.hearth.platform.rest.ApiDocs;
import io.hearth.platform.rest.Caller;
import io.hearth.platform.rest.CompletesDespiteDisconnect;
import io.hearth.platform.rest.Page;
import io.hearth.platform.rest.PageParams;
import io.hearth.platform.rest.Responses;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@CompletesDespiteDisconnect
@Path("/communities/{communityId}/events")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events")
public class EventResource {
    private static final String EVENT_ID = "Id of the event";

    private final EventService events;
    private final RegistrationService registrations;
    private final Caller caller;

    public EventResource(EventService events, RegistrationService registrations, Caller caller) {
        this.events = events;
        this.registrations = registrations;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "createEvent", summary = "Create an event",
            description = "For the owner and admins (not while muted): a meetup at a location or an online session at "
                    + "a url (exactly one), from startsAt (in the future) to endsAt, with capacity places. Publishes "
                    + "hearth.event.created. Registered members get reminders in their inbox 24 hours and 1 hour "
                    + "before the start; an event created less than 24 hours ahead gets only the second, one less "
                    + "than an hour ahead none. Send an Idempotency-Key to make a retry return the same event.")
    @APIResponse(responseCode = "201", description = "The event; Location points at it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EventView.class)),
            headers = @Header(name = "Location", ref = ApiDocs.LOCATION))
    @APIResponse(responseCode = "403", description = "Not the owner or an admin of this community (members included), "
            + "or staff muted until the time the detail names",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "forbidden,muted"))
    @APIResponse(responseCode = "422", description = "endsAt not after startsAt, startsAt not in the future, both or "
            + "neither of location and url, or capacity below 1; violations name each field",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "event-invalid"))
    public Uni<Response> create(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Valid @NotNull CreateEventRequest request,
            @Parameter(ref = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return events.create(communityId, request, caller.id(), idempotencyKey)
                .map(outcome -> Responses.created(URI.create("/communities/" + communityId + "/events/"
                        + outcome.resource().id()), outcome));
    }

    @GET
    @Operation(operationId = "listEvents", summary = "List the community's upcoming events",
            description = "For members of the community, staff included: the events that have not ended (those under "
                    + "way included), soonest start first, paged with after/limit, each with how many are registered, "
                    + "how many wait and how many places are left.")
    @APIResponse(responseCode = "200", description = "A page of events")
    @APIResponse(responseCode = "403", description = "Not a member of this community")
    public Uni<Page<EventView>> list(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Valid @BeanParam PageParams page) {
        return events.upcoming(communityId, caller.id(), page.afterSeq(), page.limit);
    }

    @GET
    @Path("/{eventId}")
    @Operation(operationId = "getEvent", summary = "An event, and the caller's registration",
            description = "For members of the community: the event with its registered count, waitlist length and "
                    + "places left, and the caller's registration (status, waitlist position, attendance) if they "
                    + "hold one.")
    @APIResponse(responseCode = "200", description = "The event")
    @APIResponse(responseCode = "403", description = "Not a member of this community")
    @APIResponse(responseCode = "404", description = "No event with this id in this community")
    public Uni<EventView> get(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Parameter(description = EVENT_ID) @PathParam("eventId") UUID eventId) {
        return events.get(communityId, eventId, caller.id());
    }

    @POST
    @Path("/{eventId}/registrations")
    @Operation(operationId = "registerForEvent", summary = "Register for an event",
            description = "Any member of the community (not while muted), before the event starts: REGISTERED while "
                    + "places are left, else WAITLISTED with the position in the waitlist (1 is the next to get a "
                    + "place that a cancellation frees). Publishes hearth.event.registered. No body is needed; a body, "
                    + "such as {}, is ignored.")
    @APIResponse(responseCode = "201", description = "The caller's registration, REGISTERED or WAITLISTED with its "
            + "position; Location points at the event, which shows it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RegistrationView.class)),
            headers = @Header(name = "Location", ref = ApiDocs.LOCATION))
    @APIResponse(responseCode = "403", description = "Not a member of this community; or a member whom staff muted, "
            + "until the time the detail names",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "forbidden,muted"))
    @APIResponse(responseCode = "404", description = "No event with this id in this community")
    @APIResponse(responseCode = "409", description = "The caller is already registered or waitlisted",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "already-registered"))
    @APIResponse(responseCode = "422", description = "The event has started",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "event-started"))
    public Uni<Response> register(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Parameter(description = EVENT_ID) @PathParam("eventId") UUID eventId) {
        return registrations.register(communityId, eventId, caller.id())
                .map(view -> Response.created(URI.create("/communities/" + communityId + "/events/" + eventId))
                        .entity(view).build());
    }

    @GET
    @Path("/{eventId}/registrations")
    @Operation(operationId = "listEventRegistrations", summary = "List an event's registrations",
            description = "For the owner and admins: everyone registered or waitlisted, in order of registration, "
                    + "paged with after/limit, each waiting member with their position and each member with whether "
                    + "they recorded attendance.")
    @APIResponse(responseCode = "200", description = "A page of registrations")
    @APIResponse(responseCode = "403", description = "Not the owner or an admin of this community")
    @APIResponse(responseCode = "404", description = "No event with this id in this community")
    public Uni<Page<RegistrationView>> registrations(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Parameter(description = EVENT_ID) @PathParam("eventId") UUID eventId,
            @Valid @BeanParam PageParams page) {
        return registrations.list(communityId, eventId, caller.id(), page.afterSeq(), page.limit);
    }

    @DELETE
    @Path("/{eventId}/registrations/me")
    @Operation(operationId = "cancelEventRegistration", summary = "Cancel the caller's registration",
            description = "The caller gives up their place or leaves the waitlist, before the event starts (a muted "
                    + "member may too). A freed place goes to the first on the waitlist, who is registered at once "
                    + "and told in their inbox (a hearth.notice.issued of kind event-waitlist-promoted). Publishes "
                    + "hearth.event.registration-cancelled, and hearth.event.waitlist-promoted when someone moved up.")
    @APIResponse(responseCode = "204", description = "Cancelled")
    @APIResponse(responseCode = "403", description = "Not a member of this community")
    @APIResponse(responseCode = "404", description = "No event with this id in this community, or the caller holds "
            + "no registration for it")
    @APIResponse(responseCode = "422", description = "The event has started",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "event-started"))
    public Uni<Void> cancel(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Parameter(description = EVENT_ID) @PathParam("eventId") UUID eventId) {
        return registrations.cancel(communityId, eventId, caller.id());
    }

    @POST
    @Path("/{eventId}/attendance")
    @Operation(operationId = "recordAttendance", summary = "Record the caller's attendance",
            description = "A member holding a place (REGISTERED, not waitlisted; not while muted) records that they "
                    + "attend, from one hour before the start until the end. The first time publishes "
                    + "hearth.event.attended, which counts as taking part in the community that day; a repeat changes "
                    + "nothing and answers 200 with counted false. No body is needed; a body is ignored.")
    @APIResponse(responseCode = "201", description = "Attendance recorded now (counted true)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AttendanceView.class)),
            headers = @Header(name = "Location", ref = ApiDocs.LOCATION))
    @APIResponse(responseCode = "200", description = "Attendance was recorded before: the same time, counted false; "
            + "nothing changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AttendanceView.class)))
    @APIResponse(responseCode = "403", description = "Not a member of this community; or a member whom staff muted, "
            + "until the time the detail names",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "forbidden,muted"))
    @APIResponse(responseCode = "404", description = "No event with this id in this community")
    @APIResponse(responseCode = "422", description = "The caller holds no place (not registered, or only "
            + "waitlisted), or it is earlier than an hour before the start or later than the end",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "not-registered,attendance-window"))
    public Uni<Response> attend(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Parameter(description = EVENT_ID) @PathParam("eventId") UUID eventId) {
        return registrations.attend(communityId, eventId, caller.id())
                .map(view -> view.counted()
                        ? Response.created(URI.create("/communities/" + communityId + "/events/" + eventId))
                                .entity(view).build()
                        : Response.ok(view).build());
    }
}
