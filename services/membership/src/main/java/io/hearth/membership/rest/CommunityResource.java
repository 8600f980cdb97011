package io.hearth.membership.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

import io.hearth.membership.mapping.CommunityView;
import io.hearth.membership.mapping.CreateCommunityRequest;
import io.hearth.membership.mapping.TransferOwnershipRequest;
import io.hearth.membership.mapping.UpdateCommunityRequest;
import io.hearth.membership.service.CommunityService;
import io.hearth.platform.rest.ApiDocs;
import io.hearth.platform.rest.Caller;
import io.hearth.platform.rest.CompletesDespiteDisconnect;
import io.hearth.platform.rest.Responses;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@CompletesDespiteDisconnect
@Path("/communities")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Communities")
public class CommunityResource {
    /** RFC 7396; plain application/json is taken with the same meaning. */
    static final String MERGE_PATCH = "application/merge-patch+json";

    private final CommunityService communities;
    private final Caller caller;

    public CommunityResource(CommunityService communities, Caller caller) {
        this.communities = communities;
        this.caller = caller;
    }

    @POST
    @RolesAllowed("operator")
    @Operation(operationId = "createCommunity", summary = "Create a community",
            description = "Needs the realm role operator. The caller becomes the owner and first member. "
                    + "Send an Idempotency-Key to make a retry return the same community instead of a second one.")
    @APIResponse(responseCode = "201", description = "The community, created; Location points at it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CommunityView.class)),
            headers = @Header(name = "Location", ref = ApiDocs.LOCATION))
    public Uni<Response> create(@Valid @NotNull CreateCommunityRequest request,
            @Parameter(ref = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return communities.create(request, caller.id(), caller.displayName(), idempotencyKey)
                .map(outcome -> Responses.created(URI.create("/communities/" + outcome.resource().id()), outcome));
    }

    @GET
    @Path("/{communityId}")
    @Operation(operationId = "getCommunity", summary = "A community", description = "For its members.")
    @APIResponse(responseCode = "200", description = "The community")
    @APIResponse(responseCode = "404", description = "No such community")
    public Uni<CommunityView> get(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId) {
        return communities.get(communityId, caller.id());
    }

    @PATCH
    @Path("/{communityId}")
    @Consumes({ MERGE_PATCH, MediaType.APPLICATION_JSON })
    @Operation(operationId = "updateCommunity", summary = "Change a community's settings",
            description = "For the owner and admins: a JSON merge patch of name, theme, rules, timeZone, admission, "
                    + "questions and sizeCap (fields left out stay as they are). A change publishes "
                    + "hearth.community.updated with every setting as it now is and is recorded in the audit with what "
                    + "changed; a patch that changes nothing publishes nothing. A sizeCap below the current member "
                    + "count is accepted: nobody is removed, and joins are refused (422 community-full) until enough "
                    + "members have left. Switching admission away from APPROVAL leaves pending applications for staff "
                    + "to decide.")
    @APIResponse(responseCode = "200", description = "The community with its settings as they now are",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CommunityView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid: an unknown time zone, more than five "
            + "questions, a blank or removed name or theme, rules over 5000 characters, a sizeCap under 1")
    @APIResponse(responseCode = "403", description = "The caller is not the owner or an admin of this community")
    public Uni<CommunityView> update(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Valid @NotNull UpdateCommunityRequest request) {
        return communities.update(communityId, request, caller.id());
    }

    @PUT
    @Path("/{communityId}/owner")
    @Operation(operationId = "transferOwnership", summary = "Hand ownership to another member",
            description = "For the owner only: the named current member or admin becomes the owner and the caller "
                    + "an admin. Publishes two hearth.member.role-changed (the old owner's first) and records it in "
                    + "the audit. The owner cannot leave the community until they have handed it over.")
    @APIResponse(responseCode = "200", description = "The community with its new owner",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CommunityView.class)))
    @APIResponse(responseCode = "403", description = "The caller is not the owner of this community")
    @APIResponse(responseCode = "404", description = "The person named is not a member of this community")
    @APIResponse(responseCode = "409", description = "The person named already owns the community",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "already-owner"))
    public Uni<CommunityView> transferOwnership(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Valid @NotNull TransferOwnershipRequest request) {
        return communities.transferOwnership(communityId, request.userId(), caller.id());
    }
}
