package io.hearth.content.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hearth.content.mapping.BroadcastSettingsView;
import io.hearth.content.service.BroadcastSettingsService;
import io.hearth.platform.rest.Caller;
import io.hearth.platform.rest.CompletesDespiteDisconnect;
import io.hearth.platform.rest.Problems;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@CompletesDespiteDisconnect
@Path("/me/broadcast-settings")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Broadcasts")
public class BroadcastSettingsResource {
    private final BroadcastSettingsService settings;
    private final Caller caller;

    public BroadcastSettingsResource(BroadcastSettingsService settings, Caller caller) {
        this.settings = settings;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getBroadcastSettings", summary = "The caller's daily broadcast cap as an owner",
            description = "The most broadcasts per UTC day that reach a member's inbox when the delivery reaches them "
                    + "through a community the caller owns (default 2).")
    @APIResponse(responseCode = "200", description = "The caller's settings")
    @APIResponse(responseCode = "403", description = "A partner client")
    public Uni<BroadcastSettingsView> get() {
        return settings.get(person());
    }

    @PUT
    @Operation(operationId = "setBroadcastSettings", summary = "Set the caller's daily broadcast cap as an owner",
            description = "For any signed-in person; it applies in the communities they own (now or later). A member "
                    + "gets at most this many broadcasts per UTC day across all communities when a delivery reaches "
                    + "them through one of these; more are suppressed and counted on the broadcast. Takes effect for "
                    + "deliveries made from then on.")
    @APIResponse(responseCode = "200", description = "The settings as stored")
    @APIResponse(responseCode = "400", description = "dailyCap missing or outside 0 to 20")
    @APIResponse(responseCode = "403", description = "A partner client")
    public Uni<BroadcastSettingsView> set(@Valid @NotNull BroadcastSettingsView request) {
        return settings.set(person(), request.dailyCap());
    }

    private String person() {
        if (caller.isPartner()) {
            throw Problems.forbidden("A partner client owns no community.");
        }
        return caller.id();
    }
}
