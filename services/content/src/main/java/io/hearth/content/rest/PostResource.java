package io.hearth.content.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hearth.content.domain.PostKind;
import io.hearth.content.mapping.CreatePostRequest;
import io.hearth.content.mapping.EditPostRequest;
import io.hearth.content.mapping.PostView;
import io.hearth.content.service.PostEditService;
import io.hearth.content.mapping.ScheduledPostView;
import io.hearth.content.service.PostService;
import io.hearth.content.service.ScheduledPostService;
import io.hearth.platform.rest.ApiDocs;
import io.hearth.platform.idempotency.IdempotencyKeys;
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
@Path("/communities/{communityId}/posts")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Posts")
public class PostResource {
    private final PostService posts;
    private final PostEditService edits;
    private final ScheduledPostService scheduledPosts;
    private final Caller caller;

    public PostResource(PostService posts, PostEditService edits, ScheduledPostService scheduledPosts,
            Caller caller) {
        this.posts = posts;
        this.edits = edits;
        this.scheduledPosts = scheduledPosts;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "createPost", summary = "Post in the community",
            description = "For members of the community, staff included, and partner clients granted posts:write "
                    + "(the partner's client id is then the author). The caller is the author. Topic tags are "
                    + "stored trimmed, in lower case, without a leading '#' and each once. Publishes "
                    + "hearth.post.created, which tells consumers the topics and the body's length but not the body. "
                    + "Send an Idempotency-Key to make a retry return the same post instead of a second one. kind "
                    + "QUESTION makes a question, whose asker or staff may later accept a reply as its answer. "
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
    @APIResponse(responseCode = "422", description = "The text breaks one of the community's moderation rules (see "
            + "setModerationRules); the problem's rule names which: blocked-word, link or flood. Nothing was posted; "
            + "the breach is recorded and published, and enough of them in 24 hours mute the author",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "moderation"))
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
                    + "posts tagged with one topic, of one kind, or (unanswered=true) the questions that have no "
                    + "accepted answer yet. Removed posts are left out. Each post carries its reaction counts and "
                    + "the caller's own reactions.")
    @APIResponse(responseCode = "200", description = "A page of posts")
    public Uni<Page<PostView>> list(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @QueryParam("topic") @Parameter(description = "Only posts with this topic tag (matched as stored: "
                    + "case and a leading '#' do not matter)") String topic,
            @QueryParam("kind") @Parameter(description = "Only posts of this kind", schema = @Schema(
                    type = SchemaType.STRING, enumeration = { "POST", "QUESTION", "WELCOME", "BROADCAST" }))
            String kind,
            @QueryParam("unanswered") @Parameter(description = "true: only questions without an accepted answer "
                    + "(kind, if given, must then be QUESTION)", schema = @Schema(type = SchemaType.BOOLEAN,
                            defaultValue = "false")) String unanswered,
            @Valid @BeanParam PageParams page) {
        return posts.list(communityId, topic, kindParam(kind), flag("unanswered", unanswered), caller.id(),
                page.afterSeq(), page.limit);
    }

    @GET
    @Path("/{postId}")
    @Operation(operationId = "getPost", summary = "A post", description = "For members of the community it was "
            + "posted in: the post with its reply count, reaction counts, the caller's own reactions and, for a "
            + "question, the accepted answer.")
    @APIResponse(responseCode = "200", description = "The post")
    @APIResponse(responseCode = "404", description = "No such post in this community")
    @APIResponse(responseCode = "410", description = "The post was removed",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "post-removed"))
    public Uni<PostView> get(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Parameter(description = "Id of the post") @PathParam("postId") UUID postId) {
        return posts.get(communityId, postId, caller.id());
    }

    @PATCH
    @Path("/{postId}")
    @Operation(operationId = "editPost", summary = "Edit a post",
            description = "For the post's author, while a member and not muted (staff cannot edit others' posts; "
                    + "they remove them). Each field sent replaces the stored one (topics normalised as when "
                    + "posting), each one left out stays; editedAt is set. Publishes hearth.post.edited.")
    @APIResponse(responseCode = "200", description = "The post as it now is",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "400", description = "Neither body nor topics sent, a blank body, or invalid topics")
    @APIResponse(responseCode = "403", description = "Not a member of this community, muted, or not the post's author",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "forbidden,muted"))
    @APIResponse(responseCode = "404", description = "No such post in this community")
    @APIResponse(responseCode = "410", description = "The post was removed",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "post-removed"))
    public Uni<PostView> edit(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Parameter(description = "Id of the post") @PathParam("postId") UUID postId,
            @Valid @NotNull EditPostRequest request) {
        return edits.edit(communityId, postId, request, caller.id());
    }

    @DELETE
    @Path("/{postId}")
    // No body: also answers a client that accepts only problem+json (as generated clients do for such routes).
    @Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
    @Operation(operationId = "removePost", summary = "Remove a post",
            description = "The author removes their own post (a reason is optional; also while muted), the owner "
                    + "or an admin anyone's, saying why in reason (recorded in the moderation audit as "
                    + "POST_REMOVED). The post stays stored but is gone for readers: GET answers 410 post-removed, "
                    + "lists leave it out, and it can no longer be replied to, reacted to or answered. Publishes "
                    + "hearth.post.removed.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "400", description = "Staff removing someone else's post without a reason, or a "
            + "reason over 500 characters")
    @APIResponse(responseCode = "403", description = "Not a member of this community, or a member removing someone "
            + "else's post")
    @APIResponse(responseCode = "404", description = "No such post in this community")
    @APIResponse(responseCode = "410", description = "The post was already removed",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "post-removed"))
    public Uni<Response> remove(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Parameter(description = "Id of the post") @PathParam("postId") UUID postId,
            @QueryParam("reason") @Parameter(description = "Why, at most 500 characters: required when staff remove "
                    + "someone else's post, optional for the author", schema = @Schema(type = SchemaType.STRING,
                            maxLength = 500)) String reason) {
        return edits.remove(communityId, postId, reason, caller.id()).map(ignored -> Response.noContent().build());
    }

    private static PostKind kindParam(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        try {
            return PostKind.valueOf(kind.strip());
        } catch (IllegalArgumentException e) {
            throw Problems.invalidField("kind", "must be one of POST, QUESTION, WELCOME, BROADCAST");
        }
    }

    /** A boolean query parameter: true, false or absent (false); anything else is a 400 rather than a silent false. */
    private static boolean flag(String name, String value) {
        if (value == null || value.isBlank() || value.strip().equals("false")) {
            return false;
        }
        if (value.strip().equals("true")) {
            return true;
        }
        throw Problems.invalidField(name, "must be true or false");
    }
}
