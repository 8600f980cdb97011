package io.hearth.monetization.rest;

import java.io.IOException;
import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Context;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.hearth.monetization.mapping.OrderView;
import io.hearth.monetization.mapping.PaymentCallback;
import io.hearth.monetization.service.PaymentService;
import io.hearth.monetization.service.WebhookSignature;
import io.hearth.platform.rest.ApiDocs;
import io.hearth.platform.config.HearthConfig;
import io.hearth.platform.limits.RateLimiter;
import io.hearth.platform.rest.CompletesDespiteDisconnect;
import io.hearth.platform.rest.Problems;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

@CompletesDespiteDisconnect
@Path("/payments/webhook")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Payments")
public class PaymentWebhookResource {
    private final WebhookSignature signature;
    private final ObjectMapper json;
    private final Validator validator;
    private final PaymentService payments;
    private final RateLimiter rateLimiter;
    private final HearthConfig config;

    public PaymentWebhookResource(WebhookSignature signature, ObjectMapper json, Validator validator,
            PaymentService payments, RateLimiter rateLimiter, HearthConfig config) {
        this.signature = signature;
        this.json = json;
        this.validator = validator;
        this.payments = payments;
        this.rateLimiter = rateLimiter;
        this.config = config;
    }

    @POST
    @PermitAll
    @SecurityRequirements
    @Operation(operationId = "settlePayment", summary = "Payment provider callback",
            description = "Called by the payment provider, not by people: no bearer token, but the body must be "
                    + "signed. Hearth-Signature is the lower-case hex HMAC-SHA256 of the raw body bytes under the "
                    + "shared webhook secret; it is checked before the body is read. SUCCEEDED marks a pending order "
                    + "PAID, FAILED marks it FAILED; both are final. A repeated callback for an order already in that "
                    + "state changes nothing and answers 200 with the order. Calls are limited per source address "
                    + "(600 a minute by default, across all instances), signed or not: more are refused with 429 and "
                    + "Retry-After, and the provider retries.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PaymentCallback.class)))
    @APIResponse(responseCode = "200", description = "The order as settled (or as it already was, for a repeat)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "401", description = "Hearth-Signature is missing or does not match the body; "
            + "nothing was changed", extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "signature-invalid"))
    @APIResponse(responseCode = "404", description = "No such order")
    @APIResponse(responseCode = "409", description = "The order is already settled the other way; nothing was changed",
            extensions = @Extension(name = ApiDocs.PROBLEM_TYPES, value = "order-settled"))
    @APIResponse(responseCode = "429", description = "Too many calls from this address; retry after Retry-After "
            + "seconds. Nothing was changed.")
    public Uni<OrderView> callback(
            @Parameter(in = ParameterIn.HEADER, required = true, description = "Lower-case hex HMAC-SHA256 of the "
                    + "raw body under the webhook secret") @HeaderParam(WebhookSignature.HEADER) String signed,
            byte[] body, @Context HttpServerRequest request) {
        // Per source address, before the signature: forged calls spend the budget of whoever sends them.
        return rateLimiter.acquireForAddress("payment-webhook", config.limits().paymentWebhook(), request)
                .chain(() -> {
                    signature.verify(body, signed);
                    PaymentCallback callback;
                    try {
                        callback = read(body);
                    } catch (IOException e) {
                        return Uni.createFrom().failure(e); // malformed JSON: ProblemMappers answers 400
                    }
                    return payments.settle(callback);
                });
    }

    private PaymentCallback read(byte[] body) throws IOException {
        PaymentCallback callback = json.readValue(body, PaymentCallback.class);
        if (callback == null) {
            throw Problems.badRequest("The body must be a JSON object.");
        }
        Set<ConstraintViolation<PaymentCallback>> violations = validator.validate(callback);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return callback;
    }
}
