package io.hearth.activity.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

import io.hearth.activity.mapping.ChallengeDetailView;
import io.hearth.activity.mapping.ChallengeProgressView;
import io.hearth.activity.mapping.ChallengeView;
import io.hearth.activity.mapping.CreateChallengeRequest;
import io.hearth.activity.service.ChallengeService;
import io.hearth.platform.rest.ApiDocs;
import io.hearth.platform.rest.Caller;
import io.hearth.platform.rest.CompletesDespiteDisconnect;
import io.hearth.platform.rest.Page;
import io.hearth.platform.rest.PageParams;
import io.hearth.platform.rest.Responses;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@CompletesDespiteDisconnect
@Path("/communities/{communityId}/challenges")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Challenges")
public class ChallengeResource {
    private static final String CHALLENGE_ID = "Id of the challenge";

    private final ChallengeService challenges;
    private final Caller caller;

    public ChallengeResource(ChallengeService challenges, Caller caller) {
        this.challenges = challenges;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "createChallenge", summary = "Set the community a challenge",
            description = "For the owner and admins (not while muted): check in on goal of days days from startsOn "
                    + "(calendar days in the community's time zone, UTC until one is set), e.g. 21 days with a goal "
                    + "of 18. 1 <= goal <= days <= 366, and startsOn is today or later there; otherwise 422 "
                    + "challenge-invalid naming each field. Publishes hearth.challenge.created. Send an "
                    + "Idempotency-Key to make a retry return the same challenge instead of a second one.")
    @APIResponse(responseCode = "201", description = "The challenge; Location points at it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ChallengeView.class)),
            headers = { @Header(name = "Location", ref = ApiDocs.LOCATION),
                    @Header(name = Responses.REPLAYED_HEADER, ref = ApiDocs.IDEMPOTENT_REPLAYED) })
    @APIResponse(responseCode = "403", description = "Not the owner or an admin of this community (members included), "
            + "or staff muted until the time the detail names",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "forbidden,muted"))
    @APIResponse(responseCode = "409", description = "The Idempotency-Key was used with another request",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "idempotency-conflict"))
    @APIResponse(responseCode = "422", description = "days not 1 to 366, goal not 1 to days, or startsOn before "
            + "today in the community's time zone; nothing was created",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "challenge-invalid"))
    public Uni<Response> create(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Valid @NotNull CreateChallengeRequest request,
            @Parameter(ref = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return challenges.create(communityId, request, caller.id(), idempotencyKey)
                .map(outcome -> Responses.created(URI.create("/communities/" + communityId + "/challenges/"
                        + outcome.resource().id()), outcome));
    }

    @GET
    @Operation(operationId = "listChallenges", summary = "List the community's challenges",
            description = "For members of the community, staff included: latest start first, paged with "
                    + "after/limit; past, current and coming challenges alike.")
    @APIResponse(responseCode = "200", description = "A page of challenges")
    public Uni<Page<ChallengeView>> list(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Valid @BeanParam PageParams page) {
        return challenges.list(communityId, caller.id(), page.after, page.limit);
    }

    @GET
    @Path("/{challengeId}")
    @Operation(operationId = "getChallenge", summary = "A challenge, the caller's progress and its leaderboard",
            description = "For members of the community, staff included: the challenge; how many joined and how "
                    + "many completed it; the caller's progress if they joined (check-ins on its days, those before "
                    + "joining included, the goal, whether and when they completed it); and the first limit "
                    + "participants by check-ins on its days, most first, ties going to who completed it first.")
    @APIResponse(responseCode = "200", description = "The challenge with the caller's progress and the leaderboard")
    @APIResponse(responseCode = "404", description = "No such challenge in this community")
    public Uni<ChallengeDetailView> get(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Parameter(description = CHALLENGE_ID) @PathParam("challengeId") UUID challengeId,
            @Parameter(description = "How many places of the leaderboard to show, 1 to 100 (default 10)")
            @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(100) int limit) {
        return challenges.get(communityId, challengeId, caller.id(), limit);
    }

    @POST
    @Path("/{challengeId}/participants")
    @Operation(operationId = "joinChallenge", summary = "Join a challenge",
            description = "Any member (not while muted) joins, before it starts or while it runs; after its last "
                    + "day (in the community's time zone) 422 challenge-ended. Publishes hearth.challenge.joined. "
                    + "The member's check-ins already on its days count; if they reach the goal, the join also "
                    + "completes it and publishes hearth.challenge.completed (once per participant, ever). "
                    + "Idempotent: joining again changes nothing and answers 200 with the caller's progress, even "
                    + "after the challenge ended. No body is needed; a body, such as {}, is ignored.")
    @APIResponse(responseCode = "201", description = "Joined now: the caller's progress; Location points at the "
            + "challenge",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ChallengeProgressView.class)),
            headers = @Header(name = "Location", ref = ApiDocs.LOCATION))
    @APIResponse(responseCode = "200", description = "Had already joined: the caller's progress; nothing changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ChallengeProgressView.class)))
    @APIResponse(responseCode = "403", description = "Not a member of this community; or a member whom staff muted, "
            + "until the time the detail names",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "forbidden,muted"))
    @APIResponse(responseCode = "404", description = "No such challenge in this community")
    @APIResponse(responseCode = "422", description = "The challenge's last day is over",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "challenge-ended"))
    public Uni<Response> join(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Parameter(description = CHALLENGE_ID) @PathParam("challengeId") UUID challengeId) {
        return challenges.join(communityId, challengeId, caller.id())
                .map(joined -> joined.joinedNow()
                        ? Response.created(URI.create("/communities/" + communityId + "/challenges/" + challengeId))
                                .entity(joined.progress()).build()
                        : Response.ok(joined.progress()).build());
    }
}
