package io.hearth.membership.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hearth.membership.mapping.GrantPartnerRequest;
import io.hearth.membership.mapping.PartnerGrantView;
import io.hearth.membership.service.PartnerService;
import io.hearth.platform.rest.ApiDocs;
import io.hearth.platform.rest.Caller;
import io.hearth.platform.rest.CompletesDespiteDisconnect;
import io.hearth.platform.rest.Problem;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@CompletesDespiteDisconnect
@Path("/communities/{communityId}/partners")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partners")
public class PartnerResource {
    /** Keycloak client ids as Hearth accepts them: what a person types into the admin console, nothing else. */
    static final String CLIENT_ID = "[A-Za-z0-9][A-Za-z0-9._:-]{0,99}";

    private final PartnerService partners;
    private final Caller caller;

    public PartnerResource(PartnerService partners, Caller caller) {
        this.partners = partners;
        this.caller = caller;
    }

    @PUT
    @Path("/{clientId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "grantPartnerAccess", summary = "Grant a partner client access",
            description = "For the owner only. The partner client (named by its Keycloak client id, the azp claim "
                    + "of its client-credentials token) gets exactly these scopes in the community, replacing any "
                    + "it had; granting the same scopes again changes nothing. Publishes "
                    + "hearth.partner.access-granted, from which the other services learn the grant within "
                    + "milliseconds.")
    @APIResponse(responseCode = "200", description = "The grant as it now stands",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PartnerGrantView.class)))
    @APIResponse(responseCode = "400", description = "No scopes, an unknown scope, or a malformed client id")
    @APIResponse(responseCode = "403", description = "The caller is not the owner of this community")
    public Uni<PartnerGrantView> grant(@Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @PathParam("clientId") @Pattern(regexp = CLIENT_ID, message = "must be a Keycloak client id: 1 to 100 "
                    + "letters, digits and . _ : -") @Parameter(description = "The partner's Keycloak client id",
                            example = "partner-demo") String clientId,
            @Valid @NotNull GrantPartnerRequest request) {
        return partners.grant(communityId, clientId, request.scopes(), caller.id());
    }

    @GET
    @Operation(operationId = "listPartnerGrants", summary = "List the community's partner grants",
            description = "For the owner and admins: every partner client with access, by client id.")
    @APIResponse(responseCode = "200", description = "The grants",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = PartnerGrantView.class)))
    @APIResponse(responseCode = "403", description = "The caller is not the owner or an admin of this community")
    public Uni<List<PartnerGrantView>> list(@Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId) {
        return partners.list(communityId, caller.id());
    }

    @DELETE
    // No body: also answers a client that accepts only problem+json (as generated clients do for such routes).
    @Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
    @Path("/{clientId}")
    @Operation(operationId = "revokePartnerAccess", summary = "Revoke a partner client's access",
            description = "For the owner only. Membership refuses the partner from this response on; the other "
                    + "services from the moment hearth.partner.access-revoked reaches them (milliseconds), and "
                    + "analytics delivers none of the partner's pending webhooks after that.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "403", description = "The caller is not the owner of this community")
    @APIResponse(responseCode = "404", description = "The client has no access to this community")
    public Uni<Response> revoke(@Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @PathParam("clientId") @Parameter(description = "The partner's Keycloak client id",
                    example = "partner-demo") String clientId) {
        return partners.revoke(communityId, clientId, caller.id()).map(ignored -> Response.noContent().build());
    }
}
