package io.hearth.membership.rest;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hearth.membership.mapping.BanView;
import io.hearth.membership.mapping.MuteRequest;
import io.hearth.membership.mapping.MuteView;
import io.hearth.membership.mapping.RemovalRequest;
import io.hearth.membership.service.ModerationService;
import io.hearth.platform.rest.ApiDocs;
import io.hearth.platform.rest.Caller;
import io.hearth.platform.rest.CompletesDespiteDisconnect;
import io.hearth.platform.rest.Page;
import io.hearth.platform.rest.PageParams;
import io.hearth.platform.rest.Problem;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/**
 * Mutes, removals and bans, for the owner and admins. Who may act on whom: staff act on plain members, only the owner
 * on an admin, nobody on the owner or on themself.
 */
@CompletesDespiteDisconnect
@Path("/communities/{communityId}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Moderation")
public class ModerationResource {
    private static final String WHO = "For the owner and admins; only the owner acts on an admin, and nobody on the "
            + "owner or on themself. ";
    private static final String REFUSED = "Not the owner or an admin of this community; an admin acting on another "
            + "admin; or the caller acting on themself";

    private final ModerationService moderation;
    private final Caller caller;

    public ModerationResource(ModerationService moderation, Caller caller) {
        this.moderation = moderation;
        this.caller = caller;
    }

    @PUT
    @Path("/members/{userId}/mute")
    @Operation(operationId = "muteMember", summary = "Mute a member",
            description = WHO + "The member may still read, but content and activity refuse their posts and "
                    + "check-ins (403 muted, saying until when) from the moment hearth.member.muted reaches them "
                    + "(within seconds) until the mute runs out; no event is needed for that. Muting again replaces "
                    + "the mute with the new end. Leaving or being removed ends a mute. Audited as MUTED.")
    @APIResponse(responseCode = "200", description = "The mute as it now stands",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MuteView.class)))
    @APIResponse(responseCode = "400", description = "minutes missing or outside 1..43200, or a reason over 500 "
            + "characters")
    @APIResponse(responseCode = "403", description = REFUSED)
    @APIResponse(responseCode = "404", description = "Not a member of this community")
    @APIResponse(responseCode = "409", description = "The owner cannot be muted",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "owner-immutable"))
    public Uni<MuteView> mute(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Parameter(description = ApiDocs.USER_ID) @PathParam("userId") String userId,
            @Valid @NotNull MuteRequest request) {
        return moderation.mute(communityId, userId, request, caller.id());
    }

    @DELETE
    @Path("/members/{userId}/mute")
    // No body: also answers a client that accepts only problem+json (as generated clients do for such routes).
    @Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
    @Operation(operationId = "unmuteMember", summary = "Lift a member's mute",
            description = WHO + "Publishes hearth.member.unmuted, from which content and activity accept the "
                    + "member's writes again within seconds. Audited as UNMUTED.")
    @APIResponse(responseCode = "204", description = "Unmuted")
    @APIResponse(responseCode = "403", description = REFUSED)
    @APIResponse(responseCode = "404", description = "Not a member of this community, or not muted (a mute that ran "
            + "out is none)")
    @APIResponse(responseCode = "409", description = "The owner is never muted",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "owner-immutable"))
    public Uni<Response> unmute(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Parameter(description = ApiDocs.USER_ID) @PathParam("userId") String userId) {
        return moderation.unmute(communityId, userId, caller.id()).map(ignored -> Response.noContent().build());
    }

    @POST
    @Path("/members/{userId}/removal")
    @Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
    @Operation(operationId = "removeMember", summary = "Remove a member, optionally banning them",
            description = WHO + "Ends the membership as a leave would (the place is freed, a mute ends) and publishes "
                    + "hearth.member.left naming who removed them and why. With ban true the person is also banned "
                    + "(hearth.member.banned): their next join, through any entry or live code, is refused 403 "
                    + "banned until the ban is lifted. Audited as REMOVED or BANNED.")
    @APIResponse(responseCode = "204", description = "Removed (and banned, if asked)")
    @APIResponse(responseCode = "400", description = "A reason over 500 characters")
    @APIResponse(responseCode = "403", description = REFUSED)
    @APIResponse(responseCode = "404", description = "Not a member of this community")
    @APIResponse(responseCode = "409", description = "The owner cannot be removed",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "owner-immutable"))
    public Uni<Response> remove(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Parameter(description = ApiDocs.USER_ID) @PathParam("userId") String userId,
            @Valid @NotNull RemovalRequest request) {
        return moderation.remove(communityId, userId, request, caller.id())
                .map(ignored -> Response.noContent().build());
    }

    @GET
    @Path("/bans")
    @Operation(operationId = "listBans", summary = "List the community's bans",
            description = "For the owner and admins: the people banned from the community, by user id, paged with "
                    + "after/limit.")
    @APIResponse(responseCode = "200", description = "A page of bans")
    @APIResponse(responseCode = "403", description = "Not the owner or an admin of this community")
    public Uni<Page<BanView>> listBans(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Valid @BeanParam PageParams page) {
        return moderation.listBans(communityId, caller.id(), page.after, page.limit);
    }

    @DELETE
    @Path("/bans/{userId}")
    @Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
    @Operation(operationId = "unbanMember", summary = "Lift a ban",
            description = "For the owner and admins: the person may join again. Publishes hearth.member.unbanned. "
                    + "Audited as UNBANNED.")
    @APIResponse(responseCode = "204", description = "The ban is lifted")
    @APIResponse(responseCode = "403", description = "Not the owner or an admin of this community")
    @APIResponse(responseCode = "404", description = "The person is not banned from this community")
    public Uni<Response> unban(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Parameter(description = "Keycloak subject (user id) of the banned person") @PathParam("userId")
            String userId) {
        return moderation.unban(communityId, userId, caller.id()).map(ignored -> Response.noContent().build());
    }
}
