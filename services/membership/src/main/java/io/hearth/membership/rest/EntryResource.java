package io.hearth.membership.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hearth.membership.mapping.CreateEntryRequest;
import io.hearth.membership.service.EntryService;
import io.hearth.platform.rest.Caller;
import io.hearth.platform.rest.CompletesDespiteDisconnect;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@CompletesDespiteDisconnect
@Path("/communities/{communityId}/entries")
@Authenticated
@Tag(name = "Entries")
public class EntryResource {
    private final EntryService entries;
    private final Caller caller;

    public EntryResource(EntryService entries, Caller caller) {
        this.entries = entries;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Create an entry into the community",
            description = "For the owner and admins. The returned code goes into an invite link, a referral link "
                    + "(joins through it are attributed to its creator) or a live code.")
    @APIResponse(responseCode = "201", description = "Created; the body carries the code")
    public Uni<Response> create(@PathParam("communityId") UUID communityId,
            @Valid @NotNull CreateEntryRequest request) {
        return entries.create(communityId, request.channel(), caller.id())
                .map(entry -> Response.created(URI.create("/communities/" + communityId + "/entries/" + entry.code()))
                        .entity(entry).build());
    }
}
