package io.hearth.membership.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hearth.membership.mapping.EntryPreview;
import io.hearth.membership.mapping.Labels;
import io.hearth.membership.service.EntryService;
import io.hearth.platform.rest.CompletesDespiteDisconnect;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** The page behind an invite or referral link: public, so that people who are not signed in can see where it leads. */
@CompletesDespiteDisconnect
@Path("/entries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Entries")
public class EntryPreviewResource {
    static final String VISITOR_ID_DESCRIPTION = "The visitor id an earlier preview answered (1-64 characters of A-Z, "
            + "a-z, 0-9, _ and -), so that this person's openings and join are one journey; absent on a first visit, "
            + "when a new one is made (an empty header counts as absent)";

    private final EntryService entries;
    private final Openings openings;

    public EntryPreviewResource(EntryService entries, Openings openings) {
        this.entries = entries;
        this.openings = openings;
    }

    @GET
    @Path("/{code}")
    @PermitAll
    @SecurityRequirements
    @Operation(operationId = "previewEntry", summary = "Preview the community an entry leads to",
            description = "Needs no token: what a person sees on opening an invite or referral link, before "
                    + "signing in. Each call records an opening (hearth.entry.opened) with the visitor id and, when "
                    + "a valid token comes along, the person; a token that is not valid is ignored. Send the "
                    + "answered visitorId with the join. An expired or used-up entry still previews, with usable "
                    + "false and the reason. Previews are limited per source address (120 a minute by default, "
                    + "shared with live code previews, across all instances): more are refused with 429 and "
                    + "Retry-After.")
    @APIResponse(responseCode = "200", description = "The preview; the opening is recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EntryPreview.class)),
            headers = @Header(name = Openings.VISITOR_HEADER, description = "The visitor id, as in the body",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Hearth-Visitor-Id is malformed; nothing was recorded")
    @APIResponse(responseCode = "404", description = "No such entry")
    @APIResponse(responseCode = "429", description = "Too many previews from this address; retry after "
            + "Retry-After seconds. Nothing was recorded.")
    public Uni<Response> preview(@Parameter(description = "The entry's code") @PathParam("code") String code,
            @Parameter(in = ParameterIn.HEADER, description = VISITOR_ID_DESCRIPTION,
                    schema = @Schema(type = SchemaType.STRING,
                            pattern = Labels.VISITOR_ID_PATTERN, maxLength = 64))
            @HeaderParam(Openings.VISITOR_HEADER) String visitorId,
            @Context HttpServerRequest request) {
        return openings.open(visitorId, request)
                .chain(opener -> entries.open(code, opener.visitorId(), opener.userId()))
                .map(preview -> Response.ok(preview).header(Openings.VISITOR_HEADER, preview.visitorId()).build());
    }
}
