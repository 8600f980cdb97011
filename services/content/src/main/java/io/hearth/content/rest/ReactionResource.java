package io.hearth.content.rest;

import java.util.UUID;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hearth.content.domain.Reaction;
import io.hearth.content.service.ReactionService;
import io.hearth.platform.rest.ApiDocs;
import io.hearth.platform.rest.Caller;
import io.hearth.platform.rest.CompletesDespiteDisconnect;
import io.hearth.platform.rest.Problem;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** Reactions answer no body: 204 whether or not anything changed; the post's view has the counts. */
@CompletesDespiteDisconnect
@Path("/communities/{communityId}/posts/{postId}/reactions/{reaction}")
@Authenticated
// No body: also answers a client that accepts only problem+json (as generated clients do for such routes).
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
@Tag(name = "Reactions")
public class ReactionResource {
    private static final String REACTION = "One of the fixed reactions: like, love, laugh, thanks, insightful (in "
            + "lower case); any other is refused with 400";

    private final ReactionService reactions;
    private final Caller caller;

    public ReactionResource(ReactionService reactions, Caller caller) {
        this.reactions = reactions;
        this.caller = caller;
    }

    @PUT
    @Operation(operationId = "addReaction", summary = "React to a post",
            description = "For members of the community who are not muted. Idempotent: the first PUT adds the "
                    + "caller's reaction, raises the post's count of it and publishes hearth.reaction.added; a "
                    + "repeat changes nothing and publishes nothing. Both answer 204; GET the post for the counts.")
    @APIResponse(responseCode = "204", description = "The caller has given this reaction (now or before)")
    @APIResponse(responseCode = "400", description = "Not one of the fixed reactions")
    @APIResponse(responseCode = "403", description = "Not a member of this community, or muted until the time the "
            + "detail names", extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "forbidden,muted"))
    @APIResponse(responseCode = "404", description = "No such post in this community")
    @APIResponse(responseCode = "410", description = "The post was removed",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "post-removed"))
    public Uni<Response> add(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Parameter(description = "Id of the post") @PathParam("postId") UUID postId,
            @Parameter(description = REACTION, schema = @Schema(implementation = Reaction.class)) @PathParam("reaction")
            String reaction) {
        return reactions.add(communityId, postId, reaction, caller.id()).map(ignored -> Response.noContent().build());
    }

    @DELETE
    @Operation(operationId = "removeReaction", summary = "Take a reaction back",
            description = "For members of the community (also while muted). Idempotent: taking back a reaction the "
                    + "caller gave lowers the post's count of it and publishes hearth.reaction.removed; taking back "
                    + "one they did not give changes nothing and publishes nothing. Both answer 204.")
    @APIResponse(responseCode = "204", description = "The caller has not given this reaction (any more)")
    @APIResponse(responseCode = "400", description = "Not one of the fixed reactions")
    @APIResponse(responseCode = "403", description = "Not a member of this community")
    @APIResponse(responseCode = "404", description = "No such post in this community")
    @APIResponse(responseCode = "410", description = "The post was removed",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "post-removed"))
    public Uni<Response> remove(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Parameter(description = "Id of the post") @PathParam("postId") UUID postId,
            @Parameter(description = REACTION, schema = @Schema(implementation = Reaction.class)) @PathParam("reaction")
            String reaction) {
        return reactions.remove(communityId, postId, reaction, caller.id())
                .map(ignored -> Response.noContent().build());
    }
}
