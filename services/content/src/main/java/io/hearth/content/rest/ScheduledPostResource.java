package io.hearth.content.rest;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hearth.content.mapping.ScheduledPostView;
import io.hearth.content.service.ScheduledPostService;
import io.hearth.platform.rest.ApiDocs;
import io.hearth.platform.rest.Caller;
import io.hearth.platform.rest.CompletesDespiteDisconnect;
import io.hearth.platform.rest.Page;
import io.hearth.platform.rest.PageParams;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@CompletesDespiteDisconnect
@Path("/communities/{communityId}/scheduled-posts")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scheduled posts")
public class ScheduledPostResource {
    private final ScheduledPostService scheduledPosts;
    private final Caller caller;

    public ScheduledPostResource(ScheduledPostService scheduledPosts, Caller caller) {
        this.scheduledPosts = scheduledPosts;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listScheduledPosts", summary = "List the posts waiting to be published",
            description = "For the community's owner and admins: posts scheduled with publishAt (and broadcasts' "
                    + "copies for this community) that have not appeared yet, in the order they were scheduled, paged "
                    + "with after/limit. A post leaves this list when it is published or cancelled.")
    @APIResponse(responseCode = "200", description = "A page of scheduled posts")
    @APIResponse(responseCode = "403", description = "Not the owner or an admin of this community")
    public Uni<Page<ScheduledPostView>> list(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Valid @BeanParam PageParams page) {
        return scheduledPosts.list(communityId, caller.id(), page.afterSeq(), page.limit);
    }

    @DELETE
    @Path("/{scheduledPostId}")
    @Operation(operationId = "cancelScheduledPost", summary = "Cancel a post waiting to be published",
            description = "For the community's owner and admins, any scheduled post of the community (a broadcast's "
                    + "copy too: it then does not appear here). Once it was published it is a post and cannot be "
                    + "cancelled here (404).")
    @APIResponse(responseCode = "204", description = "Cancelled: it will not appear")
    @APIResponse(responseCode = "403", description = "Not the owner or an admin of this community")
    @APIResponse(responseCode = "404", description = "No post waiting with this id in this community: published, "
            + "cancelled already, or never scheduled here")
    public Uni<Void> cancel(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Parameter(description = "Id of the scheduled post (the id the post will have)")
            @PathParam("scheduledPostId") UUID scheduledPostId) {
        return scheduledPosts.cancel(communityId, scheduledPostId, caller.id());
    }
}
