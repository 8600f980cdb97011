package io.hearth.content.rest;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hearth.content.mapping.InboxItemView;
import io.hearth.content.service.InboxService;
import io.hearth.platform.rest.Caller;
import io.hearth.platform.rest.CompletesDespiteDisconnect;
import io.hearth.platform.rest.Page;
import io.hearth.platform.rest.PageParams;
import io.hearth.platform.rest.Problems;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@CompletesDespiteDisconnect
@Path("/me/inbox")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inbox")
public class InboxResource {
    private final InboxService inbox;
    private final Caller caller;

    public InboxResource(InboxService inbox, Caller caller) {
        this.inbox = inbox;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listInbox", summary = "The caller's inbox",
            description = "For any signed-in person: broadcasts delivered to them and notices from other services "
                    + "(event reminders, waitlist promotions, lottery results), newest first, paged with after/limit.")
    @APIResponse(responseCode = "200", description = "A page of inbox items")
    @APIResponse(responseCode = "403", description = "A partner client: it has no inbox")
    public Uni<Page<InboxItemView>> list(@Valid @BeanParam PageParams page) {
        return inbox.list(person(), page.afterSeq(), page.limit);
    }

    @POST
    @Path("/{itemId}/read")
    @Operation(operationId = "markInboxItemRead", summary = "Mark an inbox item read",
            description = "Idempotent: marking it again changes nothing (readAt stays the first time). The first read "
                    + "of a broadcast's item counts into the broadcast's read figure.")
    @APIResponse(responseCode = "200", description = "The item, read")
    @APIResponse(responseCode = "403", description = "A partner client: it has no inbox")
    @APIResponse(responseCode = "404", description = "No such item in the caller's inbox (another person's items "
            + "are not found either)")
    public Uni<InboxItemView> markRead(@Parameter(description = "Id of the inbox item") @PathParam("itemId")
            UUID itemId) {
        return inbox.markRead(person(), itemId);
    }

    private String person() {
        if (caller.isPartner()) {
            throw Problems.forbidden("A partner client has no inbox.");
        }
        return caller.id();
    }
}
