package io.hearth.content.rest;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hearth.content.mapping.ModerationAuditEntryView;
import io.hearth.content.service.ModerationAudit;
import io.hearth.platform.rest.ApiDocs;
import io.hearth.platform.rest.Caller;
import io.hearth.platform.rest.CompletesDespiteDisconnect;
import io.hearth.platform.rest.Page;
import io.hearth.platform.rest.PageParams;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@CompletesDespiteDisconnect
@Path("/communities/{communityId}/moderation/audit")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Moderation")
public class ModerationAuditResource {
    private final ModerationAudit audit;
    private final Caller caller;

    public ModerationAuditResource(ModerationAudit audit, Caller caller) {
        this.audit = audit;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listModerationAudit", summary = "The community's content moderation audit",
            description = "For the owner and admins: every moderation action on the community's content (posts and "
                    + "replies staff removed) with who did it, when, whose content it was and why; oldest first, "
                    + "paged with after/limit. Authors removing their own content are not in it.")
    @APIResponse(responseCode = "200", description = "A page of audit entries")
    @APIResponse(responseCode = "403", description = "The caller is not the owner or an admin of this community")
    public Uni<Page<ModerationAuditEntryView>> list(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Valid @BeanParam PageParams page) {
        return audit.page(communityId, caller.id(), page.afterSeq(), page.limit);
    }
}
