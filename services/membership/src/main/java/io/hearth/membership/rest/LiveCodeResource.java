package io.hearth.membership.rest;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hearth.membership.mapping.CreateLiveCodeRequest;
import io.hearth.membership.mapping.EntryPreview;
import io.hearth.membership.mapping.Labels;
import io.hearth.membership.mapping.LiveCodeJoinRequest;
import io.hearth.membership.mapping.LiveCodeView;
import io.hearth.membership.mapping.MemberView;
import io.hearth.membership.service.LiveCodeService;
import io.hearth.platform.config.HearthConfig;
import io.hearth.platform.limits.RateLimiter;
import io.hearth.platform.rest.ApiDocs;
import io.hearth.platform.rest.Caller;
import io.hearth.platform.rest.CompletesDespiteDisconnect;
import io.hearth.platform.rest.Problems;
import io.hearth.platform.rest.Responses;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** Live codes: one code over a pool of communities that places each newcomer in the first one with room. */
@CompletesDespiteDisconnect
@Path("/live-codes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Live codes")
public class LiveCodeResource {
    private final LiveCodeService liveCodes;
    private final Caller caller;
    private final Openings openings;
    private final RateLimiter rateLimiter;
    private final HearthConfig config;

    public LiveCodeResource(LiveCodeService liveCodes, Caller caller, Openings openings, RateLimiter rateLimiter,
            HearthConfig config) {
        this.liveCodes = liveCodes;
        this.caller = caller;
        this.openings = openings;
        this.rateLimiter = rateLimiter;
        this.config = config;
    }

    @POST
    @Authenticated
    @Operation(operationId = "createLiveCode", summary = "Create a live code over communities",
            description = "For a caller who owns every listed community. Newcomers who join through the code go "
                    + "into the first community in the list with room (sizeCap counts every member, staff "
                    + "included); with overflow on, a full pool grows by a copy of its last community (same theme, "
                    + "kind and cap, name numbered: \"Runners 2\", \"Runners 3\"), owned by the caller. Send an "
                    + "Idempotency-Key to make a retry return the same code instead of a second one.")
    @APIResponse(responseCode = "201", description = "The live code, created; Location points at its preview",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LiveCodeView.class)),
            headers = @Header(name = "Location", ref = ApiDocs.LOCATION))
    @APIResponse(responseCode = "403", description = "The caller is not the owner of every listed community (a "
            + "community that does not exist counts as one they do not own); nothing was created")
    public Uni<Response> create(@Valid @NotNull CreateLiveCodeRequest request,
            @Parameter(ref = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return liveCodes.create(request, caller.id(), idempotencyKey)
                .map(outcome -> Responses.created(URI.create("/live-codes/" + outcome.resource().code()), outcome));
    }

    @GET
    @Path("/{code}")
    @PermitAll
    @SecurityRequirements
    @Operation(operationId = "previewLiveCode", summary = "Preview the community a live code would place the next "
            + "person in",
            description = "Needs no token: the first community of the pool with room, and an opening "
                    + "(hearth.entry.opened, channel LIVE_CODE) recorded for it with the visitor id and, when a "
                    + "valid token comes along, the person. When every community is full it shows the last one: "
                    + "usable with overflow on (the person would join its copy), usable false with community-full "
                    + "otherwise. Same visitor id rules and rate limit as GET /entries/{code}.")
    @APIResponse(responseCode = "200", description = "The preview; the opening is recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EntryPreview.class)),
            headers = @Header(name = Openings.VISITOR_HEADER, description = "The visitor id, as in the body",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Hearth-Visitor-Id is malformed; nothing was recorded")
    @APIResponse(responseCode = "404", description = "No such live code")
    @APIResponse(responseCode = "429", description = "Too many previews from this address; retry after "
            + "Retry-After seconds. Nothing was recorded.")
    public Uni<Response> preview(@Parameter(description = "The live code") @PathParam("code") String code,
            @Parameter(in = ParameterIn.HEADER, description = EntryPreviewResource.VISITOR_ID_DESCRIPTION,
                    schema = @Schema(type = SchemaType.STRING, pattern = Labels.VISITOR_ID_PATTERN, maxLength = 64))
            @HeaderParam(Openings.VISITOR_HEADER) String visitorId,
            @Context HttpServerRequest request) {
        return openings.open(visitorId, request)
                .chain(opener -> liveCodes.open(code, opener.visitorId(), opener.userId()))
                .map(preview -> Response.ok(preview).header(Openings.VISITOR_HEADER, preview.visitorId()).build());
    }

    @POST
    @Path("/{code}/members")
    @RolesAllowed(MemberResource.MEMBER_ROLE)
    @Operation(operationId = "joinLiveCode", summary = "Join through a live code",
            description = "A person with the realm role member joins the first community of the pool with room "
                    + "(or, when all are full and overflow is on, a new copy of the last one) as themself; the join "
                    + "is attributed to the live code (channel LIVE_CODE, its source) and the visitorId. A person "
                    + "already in one of the pool's communities is not placed in another. Same rate limit as "
                    + "joining a community (30 attempts a minute per person by default). Send an Idempotency-Key "
                    + "to make a retry return the same membership instead of 409.")
    @APIResponse(responseCode = "201", description = "Joined: the caller's membership, whose communityId says "
            + "where; Location points at it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MemberView.class)),
            headers = @Header(name = "Location", ref = ApiDocs.LOCATION))
    @APIResponse(responseCode = "403", description = "The caller lacks the realm role member, or is a partner client")
    @APIResponse(responseCode = "404", description = "No such live code")
    @APIResponse(responseCode = "409", description = "Already a member of one of the pool's communities",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "already-member"))
    @APIResponse(responseCode = "422", description = "Every community of the pool is full and overflow is off",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "community-full"))
    @APIResponse(responseCode = "429", description = "Too many join attempts by this caller; retry after "
            + "Retry-After seconds. Nothing was changed.")
    public Uni<Response> join(@Parameter(description = "The live code") @PathParam("code") String code,
            @Valid LiveCodeJoinRequest request,
            @Parameter(ref = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam("Idempotency-Key") String idempotencyKey) {
        String userId = caller.id();
        if (caller.isPartner()) {
            throw Problems.forbidden("A partner client cannot join a community; the owner grants it access.");
        }
        LiveCodeJoinRequest join = request == null ? LiveCodeJoinRequest.EMPTY : request;
        String displayName = caller.displayName();
        // The same budget as joining a community directly: one person's join attempts, however they come.
        return rateLimiter.acquire("join", config.limits().join(), userId)
                .chain(() -> liveCodes.join(code, userId, displayName, join, idempotencyKey))
                .map(outcome -> Responses.created(URI.create("/communities/" + outcome.resource().communityId()
                        + "/members/" + userId), outcome));
    }
}
