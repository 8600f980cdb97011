package io.hearth.analytics.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hearth.analytics.mapping.CreateWebhookSubscriptionRequest;
import io.hearth.analytics.mapping.CreatedWebhookSubscriptionView;
import io.hearth.analytics.mapping.WebhookDeliveryView;
import io.hearth.analytics.mapping.WebhookSubscriptionView;
import io.hearth.analytics.service.WebhookSubscriptionService;
import io.hearth.platform.rest.ApiDocs;
import io.hearth.platform.rest.Caller;
import io.hearth.platform.rest.CompletesDespiteDisconnect;
import io.hearth.platform.rest.Problem;
import io.hearth.platform.rest.Page;
import io.hearth.platform.rest.PageParams;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@CompletesDespiteDisconnect
@Path("/communities/{communityId}/webhook-subscriptions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
public class WebhookSubscriptionResource {
    private final WebhookSubscriptionService webhooks;
    private final Caller caller;

    public WebhookSubscriptionResource(WebhookSubscriptionService webhooks, Caller caller) {
        this.webhooks = webhooks;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhookSubscription", summary = "Subscribe a URL to the community's events",
            description = "For partner clients granted events:subscribe in the community. Each event of the listed "
                    + "types is POSTed to the URL as one CloudEvent in structured JSON (application/cloudevents+json) "
                    + "with the headers Hearth-Signature (t=<unix seconds>,v1=<hex HMAC-SHA256 of \"t.body\" keyed "
                    + "with the secret>), Hearth-Event-Id and Hearth-Delivery-Id. A 2xx answer is delivered; anything "
                    + "else is retried with exponential backoff (10 s, 20 s, 40 s, ... at most 1 h apart) for 24 h "
                    + "after the first attempt. Delivery is at least once: deduplicate on Hearth-Event-Id, and refuse "
                    + "signatures older than 5 minutes. Before each attempt the grant is checked again (after a "
                    + "revocation nothing more is delivered) and so is the URL. The answer carries the signing "
                    + "secret, which is never shown again.")
    @APIResponse(responseCode = "201", description = "Subscribed; Location points at the subscription",
            headers = @Header(name = "Location", description = "The subscription's URL",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CreatedWebhookSubscriptionView.class)))
    @APIResponse(responseCode = "400", description = "The url is not a URL, an event type is unknown, or the partner "
            + "holds 10 subscriptions in the community already")
    @APIResponse(responseCode = "403", description = "The caller is not a partner client (type forbidden), or its "
            + "grant lacks events:subscribe (type partner-scope-missing)",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "forbidden,partner-scope-missing"))
    @APIResponse(responseCode = "422", description = "The URL is refused (type webhook-url-refused): not http(s), "
            + "credentials in it, a host that does not resolve, or one that resolves to a loopback, private, "
            + "link-local or other non-public address",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "webhook-url-refused"))
    public Uni<Response> create(@Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @Valid @NotNull CreateWebhookSubscriptionRequest request) {
        return webhooks.create(communityId, request, who()).map(created -> Response
                .created(URI.create("/communities/" + communityId + "/webhook-subscriptions/" + created.id()))
                .entity(created).build());
    }

    @GET
    @Operation(operationId = "listWebhookSubscriptions", summary = "List webhook subscriptions",
            description = "A partner client (granted events:subscribe) sees its own; the owner and admins see every "
                    + "subscription of the community. Secrets are not shown.")
    @APIResponse(responseCode = "200", description = "The subscriptions, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = WebhookSubscriptionView.class)))
    @APIResponse(responseCode = "403", description = "Neither the owner or an admin nor a partner client granted "
            + "events:subscribe",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "forbidden,partner-scope-missing"))
    public Uni<List<WebhookSubscriptionView>> list(@Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId) {
        return webhooks.list(communityId, who());
    }

    @DELETE
    // No body: also answers a client that accepts only problem+json (as generated clients do for such routes).
    @Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
    @Path("/{subscriptionId}")
    @Operation(operationId = "deleteWebhookSubscription", summary = "Delete a webhook subscription",
            description = "By the partner that subscribed (while it holds events:subscribe), or the owner or an admin. "
                    + "What was still pending is not delivered; the delivery log goes with it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "Neither the owner or an admin nor a partner client granted "
            + "events:subscribe",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "forbidden,partner-scope-missing"))
    @APIResponse(responseCode = "404", description = "No such subscription in this community (or not the partner's "
            + "own)")
    public Uni<Response> delete(@Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @PathParam("subscriptionId") @Parameter(description = "The subscription's id") UUID subscriptionId) {
        return webhooks.delete(communityId, subscriptionId, who()).map(ignored -> Response.noContent().build());
    }

    @GET
    @Path("/{subscriptionId}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The subscription's delivery log",
            description = "Newest first, paged with after/limit: per event its type, status (PENDING, DELIVERED, "
                    + "FAILED after the retry period, DROPPED after a revocation), attempts, the last answer's status "
                    + "code or error, and when the next attempt is due. For the partner that subscribed, the owner "
                    + "and admins.")
    @APIResponse(responseCode = "200", description = "A page of deliveries")
    @APIResponse(responseCode = "403", description = "Neither the owner or an admin nor a partner client granted "
            + "events:subscribe",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "forbidden,partner-scope-missing"))
    @APIResponse(responseCode = "404", description = "No such subscription in this community (or not the partner's "
            + "own)")
    public Uni<Page<WebhookDeliveryView>> deliveries(@Parameter(description = ApiDocs.COMMUNITY_ID) @PathParam("communityId") UUID communityId,
            @PathParam("subscriptionId") @Parameter(description = "The subscription's id") UUID subscriptionId,
            @Valid @BeanParam PageParams page) {
        return webhooks.deliveries(communityId, subscriptionId, who(), page.afterSeq(), page.limit);
    }

    private WebhookSubscriptionService.Caller who() {
        return new WebhookSubscriptionService.Caller(caller.id(), caller.partnerClientId().orElse(null));
    }
}
