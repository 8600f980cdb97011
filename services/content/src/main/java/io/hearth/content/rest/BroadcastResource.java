package io.hearth.content.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hearth.content.mapping.BroadcastView;
import io.hearth.content.mapping.CreateBroadcastRequest;
import io.hearth.content.service.BroadcastService;
import io.hearth.platform.rest.ApiDocs;
import io.hearth.platform.rest.Caller;
import io.hearth.platform.rest.CompletesDespiteDisconnect;
import io.hearth.platform.rest.Problems;
import io.hearth.platform.rest.Responses;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@CompletesDespiteDisconnect
@Path("/broadcasts")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Broadcasts")
public class BroadcastResource {
    private final BroadcastService broadcasts;
    private final Caller caller;

    public BroadcastResource(BroadcastService broadcasts, Caller caller) {
        this.broadcasts = broadcasts;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "createBroadcast", summary = "Send one message to several communities",
            description = "For someone who is the owner or an admin (not muted) of every listed community. A post of "
                    + "kind BROADCAST (body: the title, a blank line, the body; author: the sender) appears in each, now "
                    + "or at publishAt, with hearth.post.created and hearth.broadcast.published. From those events each "
                    + "current member of the targets (not the sender) gets it in their inbox once, however many targets "
                    + "they belong to, unless they already had their daily cap of broadcasts that UTC day (the cap of "
                    + "the owner of the community it reaches them through, default 2): then it is suppressed and "
                    + "counted. Send an Idempotency-Key to make a retry return the same broadcast.")
    @APIResponse(responseCode = "201", description = "The broadcast; Location points at it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BroadcastView.class)),
            headers = @Header(name = "Location", ref = ApiDocs.LOCATION))
    @APIResponse(responseCode = "400", description = "No community, more than 50, one listed twice, a blank or too "
            + "long title or body, or a publishAt not in the future or more than a year ahead")
    @APIResponse(responseCode = "403", description = "Not the owner or an admin of every listed community (the "
            + "detail names those where not); muted in one of them; or a partner client",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "forbidden,muted"))
    public Uni<Response> create(@Valid @NotNull CreateBroadcastRequest request,
            @Parameter(ref = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam("Idempotency-Key") String idempotencyKey) {
        if (caller.isPartner()) {
            throw Problems.forbidden("Partner clients do not send broadcasts.");
        }
        return broadcasts.create(request, caller.id(), idempotencyKey)
                .map(outcome -> Responses.created(URI.create("/broadcasts/" + outcome.resource().id()), outcome));
    }

    @GET
    @Path("/{broadcastId}")
    @Operation(operationId = "getBroadcast", summary = "A broadcast and how far it reached",
            description = "For its sender and the owners and admins of any community it targets: status, inbox "
                    + "deliveries made, deliveries suppressed by a daily cap, and deliveries read. The figures grow as "
                    + "deliveries are made from the broadcast's events, within moments of publication.")
    @APIResponse(responseCode = "200", description = "The broadcast")
    @APIResponse(responseCode = "403", description = "Neither its sender nor the owner or an admin of a community it "
            + "targets")
    @APIResponse(responseCode = "404", description = "No such broadcast")
    public Uni<BroadcastView> get(@Parameter(description = "Id of the broadcast") @PathParam("broadcastId")
            UUID broadcastId) {
        return broadcasts.get(broadcastId, caller.id());
    }
}
