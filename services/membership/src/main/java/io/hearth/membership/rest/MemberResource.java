package io.hearth.membership.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

import io.hearth.membership.domain.DirectoryFilter;
import io.hearth.membership.mapping.ApplicationView;
import io.hearth.membership.mapping.ChangeRoleRequest;
import io.hearth.membership.mapping.DirectoryParams;
import io.hearth.membership.mapping.JoinOutcome;
import io.hearth.membership.mapping.JoinRequest;
import io.hearth.membership.mapping.MemberView;
import io.hearth.membership.service.MemberDirectoryService;
import io.hearth.membership.service.MembershipService;
import io.hearth.platform.rest.ApiDocs;
import io.hearth.platform.config.HearthConfig;
import io.hearth.platform.idempotency.IdempotencyKeys;
import io.hearth.platform.limits.RateLimiter;
import io.hearth.platform.rest.Caller;
import io.hearth.platform.rest.CompletesDespiteDisconnect;
import io.hearth.platform.rest.Page;
import io.hearth.platform.rest.PageParams;
import io.hearth.platform.rest.Problem;
import io.hearth.platform.rest.Problems;
import io.hearth.platform.rest.Responses;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@CompletesDespiteDisconnect
@Path("/communities/{communityId}/members")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Members")
public class MemberResource {
    /** The realm role a person needs to join communities; partners' service accounts do not have it. */
    static final String MEMBER_ROLE = "member";

    private final MembershipService memberships;
    private final Caller caller;
    private final RateLimiter rateLimiter;
    private final HearthConfig config;
    private final MemberDirectoryService directory;

    public MemberResource(MembershipService memberships, Caller caller, RateLimiter rateLimiter,
            HearthConfig config, MemberDirectoryService directory) {
        this.memberships = memberships;
        this.caller = caller;
        this.rateLimiter = rateLimiter;
        this.config = config;
        this.directory = directory;
    }

    @POST
    @RolesAllowed(MEMBER_ROLE)
    @Operation(operationId = "joinCommunity", summary = "Join the community",
            description = "A person with the realm role member joins as themself, optionally through an entry code, "
                    + "which attributes the join to its channel and source (and, for referrals, to the referrer), "
                    + "and with the visitorId its preview answered. An expired or used-up entry refuses the join "
                    + "(422 entry-expired, entry-used-up) and takes nothing. Send an "
                    + "Idempotency-Key to make a retry return the same membership instead of 409. Join attempts are "
                    + "limited per person (30 a minute by default, across all instances): more are refused with 429 "
                    + "and Retry-After. What happens follows the community's admission: OPEN joins at once (201); "
                    + "APPROVAL files an application with one answer to each of the community's questions, which "
                    + "the owner or an admin decides (202; it takes no place, and is accepted even while the "
                    + "community is full); CLOSED refuses (422 community-closed).")
    @APIResponse(responseCode = "201", description = "Joined: the caller's membership; Location points at it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MemberView.class)),
            headers = @Header(name = "Location", ref = ApiDocs.LOCATION))
    @APIResponse(responseCode = "202", description = "The community screens newcomers: the caller's pending "
            + "application, which publishes hearth.application.submitted. Not yet a member.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ApplicationView.class)),
            headers = @Header(name = "Idempotent-Replayed", ref = ApiDocs.IDEMPOTENT_REPLAYED))
    @APIResponse(responseCode = "400", description = "An invalid body: an entry code of another community, or "
            + "answers that are not one per question (1 to 1000 characters each) in a community that screens")
    @APIResponse(responseCode = "403", description = "The caller lacks the realm role member, or is a partner client "
            + "(partners act through grants, never as members); or staff banned the caller from this community",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "forbidden,banned"))
    @APIResponse(responseCode = "404", description = "No such community")
    @APIResponse(responseCode = "409", description = "Already a member, or already has a pending application",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "already-member,application-pending"))
    @APIResponse(responseCode = "422", description = "The community is full or closed to newcomers, or the entry "
            + "named has expired or is used up; nothing was changed",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES,
                    value = "community-full,community-closed,entry-expired,entry-used-up"))
    @APIResponse(responseCode = "429", description = "Too many join attempts by this caller; retry after "
            + "Retry-After seconds. Nothing was changed.")
    public Uni<Response> join(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Valid JoinRequest request,
            @Parameter(ref = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam("Idempotency-Key") String idempotencyKey) {
        String userId = caller.id();
        if (caller.isPartner()) {
            // A partner acts only through its grants; joining would give it a member's role besides them.
            throw Problems.forbidden("A partner client cannot join a community; the owner grants it access.");
        }
        JoinRequest join = request == null ? JoinRequest.EMPTY : request;
        String displayName = caller.displayName();
        // Every attempt counts, refused ones too: guessing entry codes or hammering a full community costs budget.
        return rateLimiter.acquire("join", config.limits().join(), userId)
                .chain(() -> memberships.join(communityId, userId, displayName, join, idempotencyKey))
                .map(outcome -> joined(communityId, userId, outcome));
    }

    /** 201 with the membership, or 202 with the application a screening community filed instead. */
    private static Response joined(UUID communityId, String userId, IdempotencyKeys.Outcome<JoinOutcome> outcome) {
        JoinOutcome result = outcome.resource();
        if (result.member() != null) {
            return Responses.created(URI.create("/communities/" + communityId + "/members/" + userId),
                    new IdempotencyKeys.Outcome<>(result.member(), outcome.replayed()));
        }
        Response.ResponseBuilder accepted = Response.accepted(result.application());
        if (outcome.replayed()) {
            accepted.header(Responses.REPLAYED_HEADER, "true");
        }
        return accepted.build();
    }

    @DELETE
    @Path("/me")
    // No body: also answers a client that accepts only problem+json (as generated clients do for such routes).
    @Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
    @Operation(operationId = "leaveCommunity", summary = "Leave the community", description = "Ends the caller's membership; a later join starts a "
            + "new one. The owner cannot leave.")
    @APIResponse(responseCode = "204", description = "Left")
    @APIResponse(responseCode = "404", description = "Not a member")
    @APIResponse(responseCode = "409", description = "The owner cannot leave",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "owner-immutable"))
    public Uni<Response> leave(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId) {
        return memberships.leave(communityId, caller.id()).map(ignored -> Response.noContent().build());
    }

    @PUT
    @Path("/{userId}/role")
    @Operation(operationId = "changeMemberRole", summary = "Change a member's role",
            description = "For the owner only: make a member an admin (admins run the community with the owner: "
                    + "entries, plans, member lists, analytics) or an admin a plain member again. Setting the role "
                    + "someone already has changes nothing.")
    @APIResponse(responseCode = "200", description = "The member with their role")
    @APIResponse(responseCode = "404", description = "Not a member of this community")
    @APIResponse(responseCode = "409", description = "The owner's role cannot be changed",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "owner-immutable"))
    public Uni<MemberView> changeRole(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Parameter(description = ApiDocs.USER_ID) @PathParam("userId") String userId,
            @Valid @NotNull ChangeRoleRequest request) {
        return memberships.changeRole(communityId, userId, request.role(), caller.id());
    }

    @GET
    @Operation(operationId = "listMembers", summary = "List current members (the member directory)",
            description = "For the owner and admins, and partner clients granted members:read: current members in "
                    + "join order, paged with after/limit, each with their display name, source, manual tags, "
                    + "automatic tags and last activity. Filters combine with AND: tag (manual or automatic), role, "
                    + "source, joinedAfter/joinedBefore (exclusive) and q (user id or display name, "
                    + "case-insensitive). Automatic tags are judged at the moment of reading: new (joined in the "
                    + "last 7 days), active (an activity event - post, check-in, ... - in the last 7 days), silent "
                    + "(a member for 14 days or more with no activity in the last 14), key-member (METRICS.md key "
                    + "members: among the fewest plain members, staff left out, whose activity events in the last "
                    + "30 UTC days, today included, add up to at least half of all of theirs; members with equal "
                    + "counts are ranked by join order, so exactly that many carry the tag). Activity reaches "
                    + "membership through events, within seconds.")
    @APIResponse(responseCode = "200", description = "A page of members")
    @APIResponse(responseCode = "400", description = "A filter is invalid (each bad one is named)")
    @APIResponse(responseCode = "403", description = "Not the owner or an admin; or a partner client whose grant "
            + "lacks members:read",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "forbidden,partner-scope-missing"))
    public Uni<Page<MemberView>> list(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @BeanParam DirectoryParams filters,
            @Valid @BeanParam PageParams page) {
        DirectoryFilter filter = filters.toFilter();
        return caller.partnerClientId()
                .map(client -> directory.listForPartner(communityId, client, filter, page.afterSeq(), page.limit))
                .orElseGet(() -> directory.list(communityId, caller.id(), filter, page.afterSeq(), page.limit));
    }
}
