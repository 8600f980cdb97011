package io.hearth.membership.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hearth.membership.mapping.CommunityView;
import io.hearth.membership.mapping.CreateCommunityRequest;
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
}
