package io.hearth.activity.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
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

import io.hearth.activity.mapping.CheckInView;
import io.hearth.activity.mapping.DayCheckInView;
import io.hearth.activity.mapping.StreakView;
import io.hearth.activity.service.CheckInService;
import io.hearth.platform.rest.ApiDocs;
import io.hearth.platform.rest.Caller;
import io.hearth.platform.rest.CompletesDespiteDisconnect;
import io.hearth.platform.rest.Page;
import io.hearth.platform.rest.PageParams;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@CompletesDespiteDisconnect
@Path("/communities/{communityId}/check-ins")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Check-ins")
public class CheckInResource {
    private final CheckInService checkIns;
    private final Caller caller;

    public CheckInResource(CheckInService checkIns, Caller caller) {
        this.checkIns = checkIns;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "checkIn", summary = "Check in for today",
            description = "Any current member of the community checks in for today, where today is the calendar "
                    + "day in the community's time zone (UTC until one is set) at the moment of the check-in: at "
                    + "23:30 UTC it is already the next day in Asia/Shanghai. The first check-in of the day is "
                    + "recorded with its streak, the number of consecutive days ending today on which the member "
                    + "checked in, and published as hearth.checkin.recorded; it counts in the member's challenges "
                    + "whose days include today, and one that reaches a challenge's goal also publishes "
                    + "hearth.challenge.completed. A second check-in "
                    + "the same day changes nothing and publishes nothing: it answers 200 with the day's check-in "
                    + "and counted false. No body is needed; a body, such as {}, is ignored.")
    @APIResponse(responseCode = "201", description = "Today's check-in, recorded now (counted true); Location points "
            + "at the caller's streak, which it extended",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CheckInView.class)),
            headers = @Header(name = "Location", ref = ApiDocs.LOCATION))
    @APIResponse(responseCode = "200", description = "Today was already checked in: the same day and streak, "
            + "counted false; nothing changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CheckInView.class)))
    @APIResponse(responseCode = "403", description = "Not a member of this community; or a member whom staff muted, "
            + "until the time the detail names",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "forbidden,muted"))
    public Uni<Response> checkIn(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId) {
        return checkIns.checkIn(communityId, caller.id())
                .map(view -> view.counted()
                        ? Response.created(URI.create("/communities/" + communityId + "/check-ins/me")).entity(view)
                                .build()
                        : Response.ok(view).build());
    }

    @GET
    @Path("/me")
    @Operation(operationId = "getMyStreak", summary = "The caller's streak",
            description = "For current members: the caller's current streak (consecutive check-in days ending today, "
                    + "or ending yesterday while today can still extend it; 0 once a whole day was missed), longest "
                    + "streak, number of days checked in and last day checked in. Days are calendar days in the "
                    + "community's time zone (UTC until one is set).")
    @APIResponse(responseCode = "200", description = "The caller's streak and totals")
    public Uni<StreakView> mine(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId) {
        return checkIns.streak(communityId, caller.id());
    }

    @GET
    @Operation(operationId = "listDayCheckIns", summary = "A day's check-ins",
            description = "For the owner and admins: the members' check-ins of one calendar day of the community "
                    + "(in its time zone, UTC until one is set), in the order they came, paged with after/limit. "
                    + "Without day, today in the community's time zone.")
    @APIResponse(responseCode = "200", description = "A page of the day's check-ins")
    @APIResponse(responseCode = "403", description = "Not the owner or an admin of this community (members included)")
    public Uni<Page<DayCheckInView>> day(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Parameter(description = "The day, YYYY-MM-DD, a calendar day in the community's time zone; today there "
                    + "when absent", example = "2026-11-21") @QueryParam("day") String day,
            @Valid @BeanParam PageParams page) {
        return checkIns.day(communityId, caller.id(), day, page.after, page.limit);
    }
}
