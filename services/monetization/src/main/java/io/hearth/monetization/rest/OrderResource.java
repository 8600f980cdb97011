package io.hearth.monetization.rest;

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

import io.hearth.monetization.mapping.OrderView;
import io.hearth.monetization.mapping.PlaceOrderRequest;
import io.hearth.monetization.service.OrderService;
import io.hearth.platform.rest.ApiDocs;
import io.hearth.platform.rest.Caller;
import io.hearth.platform.rest.CompletesDespiteDisconnect;
import io.hearth.platform.rest.Problems;
import io.hearth.platform.rest.Responses;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@CompletesDespiteDisconnect
@Path("/communities/{communityId}/orders")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Orders")
public class OrderResource {
    private final OrderService orders;
    private final Caller caller;

    public OrderResource(OrderService orders, Caller caller) {
        this.orders = orders;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "placeOrder", summary = "Order a plan",
            description = "A current member of the community orders one of its plans, at the plan's present price; "
                    + "the order is PENDING until the payment provider's callback settles it. The Idempotency-Key "
                    + "header is required here, because a duplicate order is a duplicate charge: a retry with the "
                    + "same key returns the first order (201, Idempotent-Replayed: true) and publishes nothing new; "
                    + "the same key for another plan is a conflict.")
    @APIResponse(responseCode = "201", description = "The order, or the one this Idempotency-Key placed before; "
            + "Location points at it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class)),
            headers = @Header(name = "Location", ref = ApiDocs.LOCATION))
    @APIResponse(responseCode = "409", description = "This Idempotency-Key was used to order a different plan")
    @APIResponse(responseCode = "422", description = "planId is not a plan of this community",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "plan-unavailable"))
    public Uni<Response> place(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Valid @NotNull PlaceOrderRequest request,
            @Parameter(ref = ApiDocs.IDEMPOTENCY_KEY_REQUIRED) @HeaderParam("Idempotency-Key") String idempotencyKey) {
        if (idempotencyKey == null) {
            throw Problems.invalidField("Idempotency-Key", "is required to order: a retry without it could charge "
                    + "twice");
        }
        return orders.place(communityId, request, caller.id(), idempotencyKey)
                .map(outcome -> Responses.created(
                        URI.create("/communities/" + communityId + "/orders/" + outcome.resource().id()), outcome));
    }

    @GET
    @Path("/{orderId}")
    @Operation(operationId = "getOrder", summary = "An order", description = "For its buyer and the community's owner and admins.")
    @APIResponse(responseCode = "200", description = "The order and its payment status")
    @APIResponse(responseCode = "404", description = "No such order in this community")
    public Uni<OrderView> get(
            @Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Parameter(description = "Id of the order") @PathParam("orderId") UUID orderId) {
        return orders.get(communityId, orderId, caller.id());
    }
}
