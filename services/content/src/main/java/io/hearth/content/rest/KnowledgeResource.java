package io.hearth.content.rest;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hearth.content.mapping.KnowledgeItemView;
import io.hearth.content.mapping.KnowledgeSettingsRequest;
import io.hearth.content.mapping.KnowledgeSettingsView;
import io.hearth.content.service.KnowledgeService;
import io.hearth.platform.rest.ApiDocs;
import io.hearth.platform.rest.Caller;
import io.hearth.platform.rest.CompletesDespiteDisconnect;
import io.hearth.platform.rest.Page;
import io.hearth.platform.rest.PageParams;
import io.hearth.platform.rest.Problem;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@CompletesDespiteDisconnect
@Path("/communities/{communityId}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Knowledge base")
public class KnowledgeResource {
    private static final String STAFF_ONLY = "Not the owner or an admin of this community";
    private static final String POST_ID = "Id of the post";

    private final KnowledgeService knowledge;
    private final Caller caller;

    public KnowledgeResource(KnowledgeService knowledge, Caller caller) {
        this.knowledge = knowledge;
        this.caller = caller;
    }

    @PUT
    @Path("/posts/{postId}/featured")
    @Operation(operationId = "featurePost", summary = "Feature a post in the knowledge base",
            description = "For the owner and admins. Publishes hearth.post.featured (automatic false, featuredBy the "
                    + "caller). Featuring a post that is featured already, by staff or by automatic nomination, "
                    + "changes nothing and publishes nothing.")
    @APIResponse(responseCode = "200", description = "The post as the knowledge base shows it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = KnowledgeItemView.class)))
    @APIResponse(responseCode = "403", description = STAFF_ONLY)
    @APIResponse(responseCode = "404", description = "No such post in this community, or it was removed")
    public Uni<KnowledgeItemView> feature(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Parameter(description = POST_ID) @PathParam("postId") UUID postId) {
        return knowledge.feature(communityId, postId, caller.id());
    }

    @DELETE
    @Path("/posts/{postId}/featured")
    // No body: also answers a client that accepts only problem+json (as generated clients do for such routes).
    @Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
    @Operation(operationId = "unfeaturePost", summary = "Take a post out of the knowledge base",
            description = "For the owner and admins. Publishes hearth.post.unfeatured when the post was featured. "
                    + "Either way the post is never nominated automatically again (staff may still feature it), so "
                    + "this also keeps a post that is not featured out of the knowledge base. An accepted answer "
                    + "keeps a question in the knowledge base.")
    @APIResponse(responseCode = "204", description = "Not featured, and kept out of automatic nomination")
    @APIResponse(responseCode = "403", description = STAFF_ONLY)
    @APIResponse(responseCode = "404", description = "No such post in this community, or it was removed")
    public Uni<Response> unfeature(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Parameter(description = POST_ID) @PathParam("postId") UUID postId) {
        return knowledge.unfeature(communityId, postId, caller.id()).map(ignored -> Response.noContent().build());
    }

    @GET
    @Path("/knowledge")
    @Operation(operationId = "searchKnowledge", summary = "Search the community's knowledge base",
            description = "For members of the community. The knowledge base holds the posts staff featured or that "
                    + "were nominated automatically (replies plus reactions reached the community's threshold), and "
                    + "questions with an accepted answer, which is shown with them; removed posts and removed "
                    + "answers are not in it. q searches the post's text and topics and the accepted answer's text, "
                    + "in Chinese as in English: a word matches as a prefix (run finds running), and a Chinese "
                    + "query matches texts that hold its characters in that order (跑步 finds 周末一起去跑步吧, not "
                    + "马拉松训练计划); every word of q must match. topic keeps only posts with that tag. Ranked by, "
                    + "in order: relevance to q (words of the post above words of its answer, words near each other "
                    + "above words far apart); standing (featured and answered, then either); engagement (replies "
                    + "plus reactions); recency (newest first). The cursor is the rank of the last item seen, so a "
                    + "page never repeats or skips an item because others were added; an item whose engagement "
                    + "changed between two pages may move across that boundary.")
    @APIResponse(responseCode = "200", description = "A page of knowledge items, best first")
    @APIResponse(responseCode = "400", description = "q over 200 characters or with nothing to search for (no "
            + "letters, digits or CJK characters), a malformed topic, limit outside 1..100, or an after that is "
            + "not a cursor of this list")
    @APIResponse(responseCode = "403", description = "Not a member of this community")
    public Uni<Page<KnowledgeItemView>> search(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @QueryParam("q") @Size(max = 200) @Parameter(description = "Words to search for, up to 200 characters; "
                    + "omit to list the whole knowledge base", example = "跑步") String q,
            @QueryParam("topic") @Parameter(description = "Only posts with this topic tag (case and a leading '#' "
                    + "do not matter)") String topic,
            @Valid @BeanParam PageParams page) {
        return knowledge.search(communityId, q, topic, page.after, page.limit, caller.id());
    }

    @GET
    @Path("/knowledge/settings")
    @Operation(operationId = "getKnowledgeSettings", summary = "The knowledge base's settings",
            description = "For the owner and admins.")
    @APIResponse(responseCode = "200", description = "The settings (the defaults when never set)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = KnowledgeSettingsView.class)))
    @APIResponse(responseCode = "403", description = STAFF_ONLY)
    public Uni<KnowledgeSettingsView> settings(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId) {
        return knowledge.settings(communityId, caller.id());
    }

    @PUT
    @Path("/knowledge/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateKnowledgeSettings", summary = "Set the knowledge base's settings",
            description = "For the owner and admins. A post is nominated automatically when a reply or reaction "
                    + "brings its replies plus reactions to nominationThreshold (default 10), unless staff "
                    + "unfeatured it; welcomes and removed posts never are. A new threshold applies from the next "
                    + "reply or reaction on each post.")
    @APIResponse(responseCode = "200", description = "The settings as they now stand",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = KnowledgeSettingsView.class)))
    @APIResponse(responseCode = "400", description = "nominationThreshold missing or outside 1..10000")
    @APIResponse(responseCode = "403", description = STAFF_ONLY)
    public Uni<KnowledgeSettingsView> updateSettings(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Valid @NotNull KnowledgeSettingsRequest request) {
        return knowledge.updateSettings(communityId, request.nominationThreshold(), caller.id());
    }
}
