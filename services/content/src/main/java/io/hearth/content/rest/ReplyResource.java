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

import io.hearth.content.mapping.ReplyRequest;
import io.hearth.content.mapping.ReplyView;
import io.hearth.content.service.ReplyService;
import io.hearth.platform.rest.ApiDocs;
import io.hearth.platform.rest.Caller;
import io.hearth.platform.rest.CompletesDespiteDisconnect;
import io.hearth.platform.rest.Page;
import io.hearth.platform.rest.PageParams;
import io.hearth.platform.rest.Problem;
import io.hearth.platform.rest.Responses;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@CompletesDespiteDisconnect
@Path("/communities/{communityId}/posts/{postId}/replies")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Replies")
public class ReplyResource {
    private static final String POST_ID = "Id of the post replied to";
    private static final String REPLY_ID = "Id of the reply";

    private final ReplyService replies;
    private final Caller caller;

    public ReplyResource(ReplyService replies, Caller caller) {
        this.replies = replies;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "createReply", summary = "Reply to a post",
            description = "For members of the community who are not muted; the caller is the author. The post's "
                    + "replyCount grows by one. Publishes hearth.reply.created, naming the post's author as whom "
                    + "the reply answers, with the body's length but not the body. Send an Idempotency-Key to make "
                    + "a retry return the same reply instead of a second one.")
    @APIResponse(responseCode = "201", description = "The reply; Location points at it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReplyView.class)),
            headers = @Header(name = "Location", ref = ApiDocs.LOCATION))
    @APIResponse(responseCode = "403", description = "Not a member of this community, or muted until the time the "
            + "detail names", extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "forbidden,muted"))
    @APIResponse(responseCode = "404", description = "No such post in this community")
    @APIResponse(responseCode = "410", description = "The post was removed",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "post-removed"))
    public Uni<Response> create(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Parameter(description = POST_ID) @PathParam("postId") UUID postId,
            @Valid @NotNull ReplyRequest request,
            @Parameter(ref = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return replies.create(communityId, postId, request, caller.id(), idempotencyKey)
                .map(outcome -> Responses.created(URI.create("/communities/" + communityId + "/posts/" + postId
                        + "/replies/" + outcome.resource().id()), outcome));
    }

    @GET
    @Operation(operationId = "listReplies", summary = "List a post's replies",
            description = "For members of the community; oldest first, paged with after/limit. Removed replies are "
                    + "left out.")
    @APIResponse(responseCode = "200", description = "A page of replies")
    @APIResponse(responseCode = "404", description = "No such post in this community")
    @APIResponse(responseCode = "410", description = "The post was removed",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "post-removed"))
    public Uni<Page<ReplyView>> list(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Parameter(description = POST_ID) @PathParam("postId") UUID postId,
            @Valid @BeanParam PageParams page) {
        return replies.list(communityId, postId, caller.id(), page.afterSeq(), page.limit);
    }

    @GET
    @Path("/{replyId}")
    @Operation(operationId = "getReply", summary = "A reply", description = "For members of the community.")
    @APIResponse(responseCode = "200", description = "The reply")
    @APIResponse(responseCode = "404", description = "No such post in this community, or no such reply to it")
    @APIResponse(responseCode = "410", description = "The post or the reply was removed",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "post-removed,reply-removed"))
    public Uni<ReplyView> get(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Parameter(description = POST_ID) @PathParam("postId") UUID postId,
            @Parameter(description = REPLY_ID) @PathParam("replyId") UUID replyId) {
        return replies.get(communityId, postId, replyId, caller.id());
    }

    @PATCH
    @Path("/{replyId}")
    @Operation(operationId = "editReply", summary = "Edit a reply",
            description = "For the reply's author, while a member and not muted: replaces its body and sets "
                    + "editedAt. Publishes hearth.post.edited with the replyId.")
    @APIResponse(responseCode = "200", description = "The reply as it now is",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReplyView.class)))
    @APIResponse(responseCode = "403", description = "Not a member of this community, muted, or not the reply's "
            + "author", extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "forbidden,muted"))
    @APIResponse(responseCode = "404", description = "No such post in this community, or no such reply to it")
    @APIResponse(responseCode = "410", description = "The post or the reply was removed",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "post-removed,reply-removed"))
    public Uni<ReplyView> edit(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Parameter(description = POST_ID) @PathParam("postId") UUID postId,
            @Parameter(description = REPLY_ID) @PathParam("replyId") UUID replyId,
            @Valid @NotNull ReplyRequest request) {
        return replies.edit(communityId, postId, replyId, request, caller.id());
    }

    @DELETE
    @Path("/{replyId}")
    // No body: also answers a client that accepts only problem+json (as generated clients do for such routes).
    @Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
    @Operation(operationId = "removeReply", summary = "Remove a reply",
            description = "The author removes their own reply (a reason is optional; also while muted), the owner "
                    + "or an admin anyone's, saying why in reason (recorded in the moderation audit as "
                    + "REPLY_REMOVED). Lists leave it out, the post's replyCount drops by one, and if it was a "
                    + "question's accepted answer the question has none again. Publishes hearth.post.removed with "
                    + "the replyId.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "400", description = "Staff removing someone else's reply without a reason, or a "
            + "reason over 500 characters")
    @APIResponse(responseCode = "403", description = "Not a member of this community, or a member removing someone "
            + "else's reply")
    @APIResponse(responseCode = "404", description = "No such post in this community, or no such reply to it")
    @APIResponse(responseCode = "410", description = "The post or the reply was removed",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "post-removed,reply-removed"))
    public Uni<Response> remove(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Parameter(description = POST_ID) @PathParam("postId") UUID postId,
            @Parameter(description = REPLY_ID) @PathParam("replyId") UUID replyId,
            @QueryParam("reason") @Parameter(description = "Why, at most 500 characters: required when staff remove "
                    + "someone else's reply, optional for the author", schema = @Schema(type = SchemaType.STRING,
                            maxLength = 500)) String reason) {
        return replies.remove(communityId, postId, replyId, reason, caller.id())
                .map(ignored -> Response.noContent().build());
    }
}
