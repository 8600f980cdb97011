package io.hearth.activity.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
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

import io.hearth.activity.mapping.CastVoteRequest;
import io.hearth.activity.mapping.CreatePollRequest;
import io.hearth.activity.mapping.PollView;
import io.hearth.activity.service.PollService;
import io.hearth.platform.rest.ApiDocs;
import io.hearth.platform.rest.Caller;
import io.hearth.platform.rest.CompletesDespiteDisconnect;
import io.hearth.platform.rest.Page;
import io.hearth.platform.rest.PageParams;
import io.hearth.platform.rest.Responses;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@CompletesDespiteDisconnect
@Path("/communities/{communityId}/polls")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Polls")
public class PollResource {
    private static final String POLL_ID = "Id of the poll";

    private final PollService polls;
    private final Caller caller;

    public PollResource(PollService polls, Caller caller) {
        this.polls = polls;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "createPoll", summary = "Open a poll",
            description = "For the community's owner and admins (not while muted): a question with 2 to 10 options, "
                    + "single or multiple choice, taking votes until closesAt. Each option gets an id to vote with. "
                    + "Publishes hearth.poll.created. Send an Idempotency-Key to make a retry return the same poll "
                    + "instead of a second one.")
    @APIResponse(responseCode = "201", description = "The poll, open, with its options' ids and empty results (staff "
            + "see results); Location points at it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PollView.class)),
            headers = @Header(name = "Location", ref = ApiDocs.LOCATION))
    @APIResponse(responseCode = "400", description = "The body is invalid: a blank or too long question, fewer than "
            + "2 or more than 10 options, a blank, too long or repeated option, or a closesAt that is not in the "
            + "future or is more than a year ahead")
    @APIResponse(responseCode = "403", description = "Not the owner or an admin of this community; or one whom "
            + "staff muted, until the time the detail names",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "forbidden,muted"))
    public Uni<Response> create(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Valid @NotNull CreatePollRequest request,
            @Parameter(ref = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return polls.create(communityId, request, caller.id(), idempotencyKey)
                .map(outcome -> Responses.created(
                        URI.create("/communities/" + communityId + "/polls/" + outcome.resource().id()), outcome));
    }

    @GET
    @Operation(operationId = "listPolls", summary = "List the community's polls",
            description = "For members of the community: its polls, open and closed, newest first, paged with "
                    + "after/limit. Each carries whether it is open, the caller's own vote and, where the caller "
                    + "may see them, its results: while a poll is open only those who voted and staff see results; "
                    + "once it is closed, every member.")
    @APIResponse(responseCode = "200", description = "A page of polls")
    @APIResponse(responseCode = "403", description = "Not a member of this community")
    public Uni<Page<PollView>> list(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Valid @BeanParam PageParams page) {
        return polls.list(communityId, caller.id(), page.afterSeq(), page.limit);
    }

    @GET
    @Path("/{pollId}")
    @Operation(operationId = "getPoll", summary = "A poll",
            description = "For members of the community: the poll, whether it is open, the caller's own vote and, "
                    + "where the caller may see them, its results (votes per option and number of voters): while it "
                    + "is open to those who voted and to staff, once it is closed to every member. Results are "
                    + "absent for anyone else.")
    @APIResponse(responseCode = "200", description = "The poll")
    @APIResponse(responseCode = "403", description = "Not a member of this community")
    @APIResponse(responseCode = "404", description = "No such poll in this community")
    public Uni<PollView> get(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Parameter(description = POLL_ID) @PathParam("pollId") UUID pollId) {
        return polls.get(communityId, pollId, caller.id());
    }

    @POST
    @Path("/{pollId}/votes")
    @Operation(operationId = "castVote", summary = "Vote in a poll",
            description = "For members of the community, staff included, while the poll is open and they are not "
                    + "muted: one option in a single-choice poll, one or more in a multiple-choice poll. A vote is "
                    + "final: a second one is refused with 409, also when two arrive at once. Voting is activity: "
                    + "publishes hearth.vote.cast. Answers the poll with the caller's vote and its results, which "
                    + "the caller may see from now on.")
    @APIResponse(responseCode = "201", description = "The vote is recorded: the poll with myVote and results; "
            + "Location points at the poll",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PollView.class)),
            headers = @Header(name = "Location", ref = ApiDocs.LOCATION))
    @APIResponse(responseCode = "400", description = "No optionIds, more than 10, or one named twice")
    @APIResponse(responseCode = "403", description = "Not a member of this community; or a member whom staff muted, "
            + "until the time the detail names",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "forbidden,muted"))
    @APIResponse(responseCode = "404", description = "No such poll in this community")
    @APIResponse(responseCode = "409", description = "The caller has already voted in this poll",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "already-voted"))
    @APIResponse(responseCode = "422", description = "The poll is closed (poll-closed); or an option is not one of "
            + "this poll's, or a single-choice poll was given more than one (vote-options-invalid). Nothing was "
            + "recorded",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "poll-closed,vote-options-invalid"))
    public Uni<Response> vote(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Parameter(description = POLL_ID) @PathParam("pollId") UUID pollId,
            @Valid @NotNull CastVoteRequest request) {
        return polls.vote(communityId, pollId, request, caller.id())
                .map(view -> Response.created(URI.create("/communities/" + communityId + "/polls/" + pollId))
                        .entity(view).build());
    }

    @POST
    @Path("/{pollId}/close")
    @Operation(operationId = "closePoll", summary = "Close a poll now",
            description = "For the community's owner and admins (not while muted): the poll stops taking votes now; "
                    + "its closesAt becomes this moment and closedBy the caller, and every member sees its results. "
                    + "Closing a poll that is already closed changes nothing and answers it as it is. No body is "
                    + "needed.")
    @APIResponse(responseCode = "200", description = "The poll, closed, with its results",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PollView.class)))
    @APIResponse(responseCode = "403", description = "Not the owner or an admin of this community; or one whom "
            + "staff muted, until the time the detail names",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "forbidden,muted"))
    @APIResponse(responseCode = "404", description = "No such poll in this community")
    public Uni<PollView> close(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Parameter(description = POLL_ID) @PathParam("pollId") UUID pollId) {
        return polls.close(communityId, pollId, caller.id());
    }
}
