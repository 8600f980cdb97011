package io.hearth.content.rest;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hearth.content.mapping.AcceptReplyRequest;
import io.hearth.content.mapping.PostView;
import io.hearth.content.service.QuestionService;
import io.hearth.platform.rest.ApiDocs;
import io.hearth.platform.rest.Caller;
import io.hearth.platform.rest.CompletesDespiteDisconnect;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@CompletesDespiteDisconnect
@Path("/communities/{communityId}/posts/{postId}/accepted-reply")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Posts")
public class QuestionResource {
    private final QuestionService questions;
    private final Caller caller;

    public QuestionResource(QuestionService questions, Caller caller) {
        this.questions = questions;
        this.caller = caller;
    }

    @PUT
    @Operation(operationId = "acceptReply", summary = "Accept a reply as a question's answer",
            description = "For who asked the question and for the owner and admins, while not muted. The reply must "
                    + "be a standing reply to this question. Accepting another reply replaces the answer; both "
                    + "publish hearth.answer.accepted. Accepting the answer already accepted changes nothing and "
                    + "publishes nothing. The question then no longer lists as unanswered.")
    @APIResponse(responseCode = "200", description = "The question with its accepted answer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "403", description = "Not a member of this community, muted, or a member who did not "
            + "ask the question", extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "forbidden,muted"))
    @APIResponse(responseCode = "404", description = "No such post in this community")
    @APIResponse(responseCode = "410", description = "The question was removed",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "post-removed"))
    @APIResponse(responseCode = "422", description = "The post is not a QUESTION, or the reply named is not a "
            + "standing reply to it (unknown, another post's, or removed)",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "not-a-question,reply-unavailable"))
    public Uni<PostView> accept(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Parameter(description = "Id of the question") @PathParam("postId") UUID postId,
            @Valid @NotNull AcceptReplyRequest request) {
        return questions.accept(communityId, postId, request.replyId(), caller.id());
    }
}
