package io.hearth.membership.rest;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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

import io.hearth.membership.mapping.MemberView;
import io.hearth.membership.mapping.TagsRequest;
import io.hearth.membership.service.TagService;
import io.hearth.platform.rest.ApiDocs;
import io.hearth.platform.rest.Caller;
import io.hearth.platform.rest.CompletesDespiteDisconnect;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@CompletesDespiteDisconnect
@Path("/communities/{communityId}/members/{userId}/tags")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Members")
public class TagResource {
    private final TagService tags;
    private final Caller caller;

    public TagResource(TagService tags, Caller caller) {
        this.tags = tags;
        this.caller = caller;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setMemberTags", summary = "Set a member's manual tags",
            description = "For the owner and admins: replaces the member's manual tags (their labels for segmenting "
                    + "members, e.g. mentor, paid-2026, offline-regular) with the given ones, lower-cased and sorted. "
                    + "Tags are kept per person: they are still there if the member leaves and comes back. The "
                    + "change is recorded in the community's audit (TAGS_CHANGED, with the tags before and after); "
                    + "setting the tags a member already has changes nothing. Automatic tags (new, active, silent, "
                    + "key-member) are membership's own and cannot be set.")
    @APIResponse(responseCode = "200", description = "The member as the directory shows them, with their tags",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MemberView.class)))
    @APIResponse(responseCode = "400", description = "More than 20 tags, a tag that is not 1 to 32 letters, digits "
            + "or '-', an automatic tag's name, or the same tag twice (ignoring case)")
    @APIResponse(responseCode = "403", description = "Not the owner or an admin of the community",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "forbidden"))
    @APIResponse(responseCode = "404", description = "Not a member of this community")
    public Uni<MemberView> setTags(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Parameter(description = ApiDocs.USER_ID) @PathParam("userId") String userId,
            @Valid @NotNull TagsRequest request) {
        return tags.replace(communityId, userId, request.tags(), caller.id());
    }
}
