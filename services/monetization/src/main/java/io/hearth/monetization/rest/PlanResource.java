package io.hearth.monetization.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hearth.monetization.mapping.CreatePlanRequest;
import io.hearth.monetization.mapping.PlanView;
import io.hearth.monetization.service.PlanService;
import io.hearth.platform.rest.ApiDocs;
import io.hearth.platform.rest.Caller;
import io.hearth.platform.rest.CompletesDespiteDisconnect;
import io.hearth.platform.rest.Page;
import io.hearth.platform.rest.PageParams;
import io.hearth.platform.rest.Responses;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@CompletesDespiteDisconnect
@Path("/communities/{communityId}/plans")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plans")
public class PlanResource {
    private final PlanService plans;
    private final Caller caller;

    public PlanResource(PlanService plans, Caller caller) {
        this.plans = plans;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "createPlan", summary = "Offer a plan",
            description = "For the community's owner and admins. The price is an integer amount in minor units of an "
                    + "upper-case ISO-4217 currency (a float or a string amount is refused); periodDays is 1 to 3650. "
                    + "Send an Idempotency-Key to make a retry return the same plan instead of a second one.")
    @APIResponse(responseCode = "201", description = "The plan, created; Location points at it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class)),
            headers = @Header(name = "Location", ref = ApiDocs.LOCATION))
    @APIResponse(responseCode = "422", description = "The terms do not fit together: a trial without periodDays, or "
            + "a grant naming no item (TOPIC, EVENT, CHALLENGE) or one for COMMUNITY; nothing was stored",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "plan-invalid"))
    public Uni<Response> create(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Valid @NotNull CreatePlanRequest request,
            @Parameter(ref = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return plans.create(communityId, request, caller.id(), idempotencyKey)
                .map(outcome -> Responses.created(
                        URI.create("/communities/" + communityId + "/plans/" + outcome.resource().id()), outcome));
    }

    @GET
    @Operation(operationId = "listPlans", summary = "List the community's plans", description = "For its members; in creation order, paged "
            + "with after/limit.")
    @APIResponse(responseCode = "200", description = "A page of plans")
    public Uni<Page<PlanView>> list(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Valid @BeanParam PageParams page) {
        return plans.list(communityId, caller.id(), page.afterSeq(), page.limit);
    }
}
