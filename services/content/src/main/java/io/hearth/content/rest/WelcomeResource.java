package io.hearth.content.rest;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hearth.content.mapping.WelcomeRequest;
import io.hearth.content.mapping.WelcomeView;
import io.hearth.content.service.WelcomeService;
import io.hearth.platform.rest.ApiDocs;
import io.hearth.platform.rest.Caller;
import io.hearth.platform.rest.CompletesDespiteDisconnect;
import io.hearth.platform.rest.Problem;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@CompletesDespiteDisconnect
@Path("/communities/{communityId}/welcome")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Welcome")
public class WelcomeResource {
    private final WelcomeService welcomes;
    private final Caller caller;

    public WelcomeResource(WelcomeService welcomes, Caller caller) {
        this.welcomes = welcomes;
        this.caller = caller;
    }

    @PUT
    @Operation(operationId = "setWelcome", summary = "Set the community's welcome",
            description = "For the owner and admins (not while muted). Off until set. While set, every burst of "
                    + "joins (members joining within mergeSeconds of the burst's first join; staff are not welcomed) "
                    + "gets one post by hearth, kind WELCOME, when its window ends, naming the newcomers in the order "
                    + "they joined (\"Ann\", \"Ann and Bo\", \"Ann, Bo and Cy\"; someone without a display name is "
                    + "\"a new member\"; past 20 names the rest are counted) and publishing hearth.welcome.posted. "
                    + "Joins from before the welcome was first set are not welcomed. A change applies to the welcomes "
                    + "posted after it.")
    @APIResponse(responseCode = "200", description = "The welcome as now set")
    @APIResponse(responseCode = "400", description = "No template, one over 2,000 characters, a placeholder other than "
            + "{names}, {community} and {rules}, or mergeSeconds outside 0..3600")
    @APIResponse(responseCode = "403", description = "Not the owner or an admin of this community, or staff muted "
            + "until the time the detail names",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "forbidden,muted"))
    public Uni<WelcomeView> set(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Valid @NotNull WelcomeRequest request) {
        return welcomes.set(communityId, request, caller.id());
    }

    @GET
    @Operation(operationId = "getWelcome", summary = "The community's welcome", description = "For the owner and "
            + "admins.")
    @APIResponse(responseCode = "200", description = "The welcome as set")
    @APIResponse(responseCode = "403", description = "Not the owner or an admin of this community")
    @APIResponse(responseCode = "404", description = "No welcome is set (welcomes are off)")
    public Uni<WelcomeView> get(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId) {
        return welcomes.get(communityId, caller.id());
    }

    @DELETE
    // No body: also answers a client that accepts only problem+json.
    @Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
    @Operation(operationId = "deleteWelcome", summary = "Turn the community's welcome off",
            description = "For the owner and admins (not while muted). Bursts of joins still gathering are not "
                    + "posted. Deleting when none is set changes nothing.")
    @APIResponse(responseCode = "204", description = "Welcomes are off")
    @APIResponse(responseCode = "403", description = "Not the owner or an admin of this community, or staff muted "
            + "until the time the detail names",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "forbidden,muted"))
    public Uni<Response> delete(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId) {
        return welcomes.delete(communityId, caller.id()).map(ignored -> Response.noContent().build());
    }
}
