package io.hearth.membership.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hearth.membership.mapping.CreateEntryRequest;
import io.hearth.membership.mapping.EntryView;
import io.hearth.membership.service.EntryService;
import io.hearth.platform.rest.ApiDocs;
import io.hearth.platform.rest.Caller;
import io.hearth.platform.rest.CompletesDespiteDisconnect;
import io.hearth.platform.rest.Responses;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@CompletesDespiteDisconnect
@Path("/communities/{communityId}/entries")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Entries")
public class EntryResource {
    private final EntryService entries;
    private final Caller caller;

    public EntryResource(EntryService entries, Caller caller) {
        this.entries = entries;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "createEntry", summary = "Create an entry into the community",
            description = "The owner and admins create entries of any channel; any member may create a REFERRAL "
                    + "entry, whose referrer they are (joins through it are attributed to its creator). The returned "
                    + "code goes into an invite or referral link; source labels where it is published, expiresAt and "
                    + "maxUses limit it (joins past them are refused with 422 entry-expired or entry-used-up). Send "
                    + "an Idempotency-Key to make a retry return the same entry instead of a second one.")
    @APIResponse(responseCode = "201", description = "The entry, created; its code goes into the link",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EntryView.class)),
            headers = @Header(name = "Location", ref = ApiDocs.LOCATION))
    @APIResponse(responseCode = "403", description = "Not a member of the community; or a plain member asking for "
            + "another channel than REFERRAL")
    public Uni<Response> create(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Valid @NotNull CreateEntryRequest request,
            @Parameter(ref = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return entries.create(communityId, request, caller.id(), idempotencyKey)
                .map(outcome -> Responses.created(
                        URI.create("/communities/" + communityId + "/entries/" + outcome.resource().code()), outcome));
    }
}
