package io.hearth.platform.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hearth.platform.deadletter.DeadLetterRedrive;
import io.smallrye.common.annotation.Blocking;

/** Operations on the service's own pipeline, for platform admins. */
@CompletesDespiteDisconnect
@Path("/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations")
public class DeadLetterResource {
    private final DeadLetterRedrive redrive;

    public DeadLetterResource(DeadLetterRedrive redrive) {
        this.redrive = redrive;
    }

    @POST
    @Path("/redrive")
    @Blocking
    @RolesAllowed("platform-admin")
    @Operation(operationId = "redriveDeadLetters", summary = "Re-drive this service's dead letters",
            description = "Needs the realm role platform-admin. Puts every record of hearth.dlq.<service> not "
                    + "re-driven before back on the topic it came from, unchanged (same event id): consumers that "
                    + "applied it skip it, the one that could not applies it now. Run it after fixing what made the "
                    + "records poison; records still poison return to the dead-letter topic.")
    @APIResponse(responseCode = "200", description = "How many records were re-driven, per original topic",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DeadLetterRedrive.Result.class)))
    public DeadLetterRedrive.Result redrive() {
        return redrive.redrive();
    }
}
