package io.hearth.content.rest;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hearth.content.mapping.ModerationRulesRequest;
import io.hearth.content.mapping.ModerationRulesView;
import io.hearth.content.mapping.RuleBreachView;
import io.hearth.content.service.ModerationService;
import io.hearth.platform.rest.ApiDocs;
import io.hearth.platform.rest.Caller;
import io.hearth.platform.rest.CompletesDespiteDisconnect;
import io.hearth.platform.rest.Page;
import io.hearth.platform.rest.PageParams;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** A community's moderation rules and the breaches they caught, for the owner and admins. */
@CompletesDespiteDisconnect
@Path("/communities/{communityId}/moderation")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Moderation")
public class ModerationResource {
    private static final String STAFF_ONLY = "Not the owner or an admin of this community";

    private final ModerationService moderation;
    private final Caller caller;

    public ModerationResource(ModerationService moderation, Caller caller) {
        this.moderation = moderation;
        this.caller = caller;
    }

    @PUT
    @Operation(operationId = "setModerationRules", summary = "Set the community's moderation rules",
            description = "For the owner and admins. Replaces the rules as a whole; an absent field takes its "
                    + "default (nothing blocked, links allowed, no flood limit, mute after 3 breaches in 24 hours for "
                    + "60 minutes). From then on every member's post and reply is checked: a breach is refused with "
                    + "422 moderation naming the rule (blocked-word, link, flood), nothing is written, and the breach "
                    + "is recorded and published as hearth.rule.breached. When a member's breaches within 24 hours "
                    + "reach breachesBeforeMute, that event asks membership to mute them for muteMinutes, and every "
                    + "service then refuses their writes (403 muted). The owner and admins are exempt from blocked "
                    + "words and the flood limit, and from links under STAFF_ONLY; BLOCK refuses links from "
                    + "everybody. A link is http(s)://..., www.... or a bare domain with a common top-level domain "
                    + "(example.com, shop.example.cn/x, a@example.org).")
    @APIResponse(responseCode = "200", description = "The rules as they now stand",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ModerationRulesView.class)))
    @APIResponse(responseCode = "400", description = "More than 200 blocked words, a word that is empty (or only "
            + "spaces and invisible characters) or longer than 50 characters, a linkPolicy other than ALLOW, "
            + "STAFF_ONLY or BLOCK, maxPostsPerMinute outside 1..120, breachesBeforeMute outside 1..100 or "
            + "muteMinutes outside 1..43200; nothing was changed")
    @APIResponse(responseCode = "403", description = STAFF_ONLY)
    public Uni<ModerationRulesView> set(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Valid @NotNull ModerationRulesRequest request) {
        return moderation.set(communityId, request, caller.id());
    }

    @GET
    @Operation(operationId = "getModerationRules", summary = "The community's moderation rules",
            description = "For the owner and admins: the rules in force; the defaults while never set.")
    @APIResponse(responseCode = "200", description = "The rules",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ModerationRulesView.class)))
    @APIResponse(responseCode = "403", description = STAFF_ONLY)
    public Uni<ModerationRulesView> get(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId) {
        return moderation.get(communityId, caller.id());
    }

    @GET
    @Path("/breaches")
    @Operation(operationId = "listRuleBreaches", summary = "List the breaches of the moderation rules",
            description = "For the owner and admins: every post or reply a rule refused, newest first, with who, "
                    + "which rule, what matched, the member's count in 24 hours and the mute it asked for; paged with "
                    + "after/limit.")
    @APIResponse(responseCode = "200", description = "A page of breaches")
    @APIResponse(responseCode = "403", description = STAFF_ONLY)
    public Uni<Page<RuleBreachView>> breaches(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Valid @BeanParam PageParams page) {
        return moderation.breaches(communityId, caller.id(), page.afterSeq(), page.limit);
    }
}
