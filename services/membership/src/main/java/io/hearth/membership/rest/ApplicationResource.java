package io.hearth.membership.rest;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hearth.membership.domain.ApplicationStatus;
import io.hearth.membership.mapping.ApplicationView;
import io.hearth.membership.mapping.DecideApplicationRequest;
import io.hearth.membership.service.ApplicationService;
import io.hearth.platform.rest.ApiDocs;
import io.hearth.platform.rest.Caller;
import io.hearth.platform.rest.CompletesDespiteDisconnect;
import io.hearth.platform.rest.Page;
import io.hearth.platform.rest.PageParams;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@CompletesDespiteDisconnect
@Path("/communities/{communityId}/applications")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Screening")
public class ApplicationResource {
    private final ApplicationService applications;
    private final Caller caller;

    public ApplicationResource(ApplicationService applications, Caller caller) {
        this.applications = applications;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listApplications", summary = "List applications to join",
            description = "For the owner and admins: the applications of one status (PENDING by default) that joins "
                    + "filed while the community's admission was APPROVAL, in the order they came, paged with "
                    + "after/limit.")
    @APIResponse(responseCode = "200", description = "A page of applications")
    @APIResponse(responseCode = "400", description = "An unknown status, or a malformed cursor or limit")
    @APIResponse(responseCode = "403", description = "The caller is not the owner or an admin of this community")
    public Uni<Page<ApplicationView>> list(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @QueryParam("status") @DefaultValue("PENDING")
            @Pattern(regexp = "PENDING|APPROVED|DECLINED", message = "must be PENDING, APPROVED or DECLINED")
            @Parameter(description = "Which applications: PENDING (default), APPROVED or DECLINED",
                    schema = @Schema(type = SchemaType.STRING, enumeration = { "PENDING", "APPROVED", "DECLINED" },
                            defaultValue = "PENDING")) String status,
            @Valid @BeanParam PageParams page) {
        return applications.list(communityId, ApplicationStatus.valueOf(status), caller.id(), page.afterSeq(),
                page.limit);
    }

    @POST
    @Path("/{applicationId}/decision")
    @Operation(operationId = "decideApplication", summary = "Approve or decline an application",
            description = "For the owner and admins, once per application. Approving makes the applicant a member "
                    + "as a join would, attributed to the entry they applied through: it needs a free place "
                    + "(else 422 community-full, and the application stays pending). Publishes "
                    + "hearth.application.decided (then hearth.member.joined on approval) and records the decision "
                    + "and its reason in the audit.")
    @APIResponse(responseCode = "200", description = "The application as decided",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "403", description = "The caller is not the owner or an admin of this community")
    @APIResponse(responseCode = "404", description = "No such application in this community")
    @APIResponse(responseCode = "409", description = "The application was already decided, or (approving) the "
            + "applicant has become a member meanwhile",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "application-decided,already-member"))
    @APIResponse(responseCode = "422", description = "Approving: the community is full",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "community-full"))
    public Uni<ApplicationView> decide(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Parameter(description = "Id of the application") @PathParam("applicationId") UUID applicationId,
            @Valid @NotNull DecideApplicationRequest request) {
        return applications.decide(communityId, applicationId, request.approve(), request.reason(), caller.id());
    }
}
