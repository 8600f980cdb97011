package io.hearth.content.rest;

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

import io.hearth.content.mapping.CreatePostRequest;
import io.hearth.content.mapping.PostView;
import io.hearth.content.mapping.ScheduledPostView;
import io.hearth.content.service.PostService;
import io.hearth.content.service.ScheduledPostService;
import io.hearth.platform.rest.ApiDocs;
import io.hearth.platform.idempotency.IdempotencyKeys;
import io.hearth.platform.rest.Caller;
import io.hearth.platform.rest.CompletesDespiteDisconnect;
import io.hearth.platform.rest.Page;
import io.hearth.platform.rest.PageParams;
import io.hearth.platform.rest.Problems;
import io.hearth.platform.rest.Responses;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@CompletesDespiteDisconnect
@Path("/communities/{communityId}/posts")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Posts")
public class PostResource {
    private final PostService posts;
    private final ScheduledPostService scheduledPosts;
    private final Caller caller;

    public PostResource(PostService posts, ScheduledPostService scheduledPosts, Caller caller) {
        this.posts = posts;
        this.scheduledPosts = scheduledPosts;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "createPost", summary = "Post in the community",
            description = "For members of the community, staff included, and partner clients granted posts:write "
                    + "(the partner's client id is then the author). The caller is the author. Topic tags are "
                    + "stored trimmed, in lower case, without a leading '#' and each once. Publishes "
                    + "hearth.post.created, which tells consumers the topics and the body's length but not the body. "
                    + "Send an Idempotency-Key to make a retry return the same post instead of a second one. "
                    + "Staff may give a publishAt: the post is then kept until that time (listed under "
                    + "scheduled-posts) and answered 202; it appears, with the same id and its event, when due.")
    @APIResponse(responseCode = "201", description = "The post; Location points at it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostView.class)),
            headers = @Header(name = "Location", ref = ApiDocs.LOCATION))
    @APIResponse(responseCode = "202", description = "Scheduled (publishAt given): the post waiting for its time",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ScheduledPostView.class)))
    @APIResponse(responseCode = "400", description = "The body is invalid, or publishAt is not in the future or is "
            + "more than a year ahead")
    @APIResponse(responseCode = "403", description = "Not a member of this community; a member whom staff muted, "
            + "until the time the detail names; a partner client whose grant lacks posts:write; or a publishAt from "
            + "someone who is not the owner or an admin (partners included)",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "forbidden,muted,partner-scope-missing"))
    public Uni<Response> create(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Valid @NotNull CreatePostRequest request,
            @Parameter(ref = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam("Idempotency-Key") String idempotencyKey) {
        if (request.publishAt() != null) {
            return schedule(communityId, request, idempotencyKey);
        }
        Uni<IdempotencyKeys.Outcome<PostView>> created = caller.partnerClientId()
                .map(client -> posts.createAsPartner(communityId, request, client, idempotencyKey))
                .orElseGet(() -> posts.create(communityId, request, caller.id(), idempotencyKey));
        return created
                .map(outcome -> Responses.created(
                        URI.create("/communities/" + communityId + "/posts/" + outcome.resource().id()), outcome));
    }

    private Uni<Response> schedule(UUID communityId, CreatePostRequest request, String idempotencyKey) {
        if (caller.isPartner()) {
            throw Problems.forbidden("Only the owner or an admin of community " + communityId + " schedules posts.");
        }
        return scheduledPosts.schedule(communityId, request, caller.id(), idempotencyKey).map(outcome -> {
            Response.ResponseBuilder accepted = Response.accepted(outcome.resource());
            if (outcome.replayed()) {
                accepted.header(Responses.REPLAYED_HEADER, "true");
            }
            return accepted.build();
        });
    }

    @GET
    @Operation(operationId = "listPosts", summary = "List the community's posts",
            description = "For members of the community; newest first, paged with after/limit, optionally only the "
                    + "posts tagged with one topic.")
    @APIResponse(responseCode = "200", description = "A page of posts")
    public Uni<Page<PostView>> list(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @QueryParam("topic") @Parameter(description = "Only posts with this topic tag (matched as stored: "
                    + "case and a leading '#' do not matter)") String topic,
            @Valid @BeanParam PageParams page) {
        return posts.list(communityId, topic, caller.id(), page.afterSeq(), page.limit);
    }

    @GET
    @Path("/{postId}")
    @Operation(operationId = "getPost", summary = "A post", description = "For members of the community it was posted in.")
    @APIResponse(responseCode = "200", description = "The post")
    @APIResponse(responseCode = "404", description = "No such post in this community")
    public Uni<PostView> get(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Parameter(description = "Id of the post") @PathParam("postId") UUID postId) {
        return posts.get(communityId, postId, caller.id());
    }
}
