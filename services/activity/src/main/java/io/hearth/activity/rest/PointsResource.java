package io.hearth.activity.rest;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hearth.activity.domain.PointsPeriod;
import io.hearth.activity.mapping.LeaderboardView;
import io.hearth.activity.mapping.MyPointsView;
import io.hearth.activity.mapping.PointsSettingsRequest;
import io.hearth.activity.mapping.PointsSettingsView;
import io.hearth.activity.service.PointsService;
import io.hearth.platform.rest.ApiDocs;
import io.hearth.platform.rest.Caller;
import io.hearth.platform.rest.CompletesDespiteDisconnect;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@CompletesDespiteDisconnect
@Path("/communities/{communityId}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Points")
public class PointsResource {
    private static final String MEMBERS_ONLY = "Not a member of this community";
    private static final String PERIODS = "Periods are rolling windows ending at the request, by the time of the "
            + "action that earned the points (not when they were booked): 7d is the 7 × 24 hours before the request, "
            + "30d the 30 × 24 hours, all every action. Points taken back (a reaction withdrawn, a post or reply "
            + "removed, an accepted answer replaced) leave the periods the action counted in.";

    private final PointsService points;
    private final Caller caller;

    public PointsResource(PointsService points, Caller caller) {
        this.points = points;
        this.caller = caller;
    }

    @GET
    @Path("/points/settings")
    @Operation(operationId = "getPointsSettings", summary = "Points per action",
            description = "For current members: how many points each action earns in the community (the defaults "
                    + "where staff set none: post 2, reply 1, reaction received 1, check-in 1, attendance 5, "
                    + "accepted answer 10, challenge completed 20).")
    @APIResponse(responseCode = "200", description = "The points per action",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PointsSettingsView.class)))
    @APIResponse(responseCode = "403", description = MEMBERS_ONLY)
    public Uni<PointsSettingsView> settings(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId) {
        return points.settings(communityId, caller.id());
    }

    @PUT
    @Path("/points/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updatePointsSettings", summary = "Set the points per action",
            description = "For the owner and admins: a whole replacement, each field 0 to 1000, an absent field "
                    + "taking its default. Points are booked at the rate in force when an action's event is "
                    + "booked (within a second or so of the action), so a change applies to later actions only; "
                    + "points already booked keep their value.")
    @APIResponse(responseCode = "200", description = "The points per action as they now stand",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PointsSettingsView.class)))
    @APIResponse(responseCode = "400", description = "No body, not JSON, or a field that is not a whole number")
    @APIResponse(responseCode = "403", description = "Not the owner or an admin of this community")
    @APIResponse(responseCode = "422", description = "A field below 0 or above 1000 (violations names each); "
            + "nothing changed",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "points-out-of-range"))
    public Uni<PointsSettingsView> updateSettings(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Valid @NotNull PointsSettingsRequest request) {
        return points.updateSettings(communityId, request, caller.id());
    }

    @GET
    @Path("/leaderboard")
    @Operation(operationId = "getLeaderboard", summary = "Members ranked by points",
            description = "For current members: the community's current members with points in the period, most "
                    + "first; members with equal points share a rank (1, 1, 3) and are listed by userId. Former "
                    + "members are left out (their points come back if they rejoin). " + PERIODS)
    @APIResponse(responseCode = "200", description = "The leaderboard",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LeaderboardView.class)))
    @APIResponse(responseCode = "400", description = "period other than 7d, 30d or all; limit outside 1..100")
    @APIResponse(responseCode = "403", description = MEMBERS_ONLY)
    public Uni<LeaderboardView> leaderboard(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Parameter(description = "7d, 30d or all (default all)",
                    schema = @Schema(enumeration = { "7d", "30d", "all" }, defaultValue = "all"))
            @QueryParam("period") @DefaultValue("all") @Pattern(regexp = "7d|30d|all",
                    message = "must be 7d, 30d or all") String period,
            // Text checked by pattern rather than an int: JAX-RS answers 404 to a query value it cannot convert.
            @Parameter(description = "Members listed, 1 to 100 (default 10)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "10"))
            @QueryParam("limit") @DefaultValue("10") @Pattern(regexp = "[1-9][0-9]?|100",
                    message = "must be a whole number from 1 to 100") String limit) {
        return points.leaderboard(communityId, PointsPeriod.ofLabel(period), Integer.parseInt(limit), caller.id());
    }

    @GET
    @Path("/points/me")
    @Operation(operationId = "getMyPoints", summary = "The caller's points",
            description = "For current members: the caller's points of all time with their rank, their points and "
                    + "rank in each period (7d, 30d, all; no rank without points), and their points of all time per "
                    + "action. " + PERIODS)
    @APIResponse(responseCode = "200", description = "The caller's points",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MyPointsView.class)))
    @APIResponse(responseCode = "403", description = MEMBERS_ONLY)
    public Uni<MyPointsView> mine(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId) {
        return points.mine(communityId, caller.id());
    }
}
