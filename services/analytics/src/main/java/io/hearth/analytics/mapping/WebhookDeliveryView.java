package io.hearth.analytics.mapping;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.analytics.domain.WebhookDelivery;

/** Fields that do not apply yet (or any more) are omitted, never null. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "One event's delivery to the subscription.",
        example = "{\"id\": \"9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d\", \"eventId\": "
                + "\"0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f\", \"eventType\": \"hearth.member.joined\", \"status\": "
                + "\"PENDING\", \"attempts\": 1, \"lastStatusCode\": 500, \"lastError\": \"HTTP 500\", "
                + "\"createdAt\": \"2026-11-22T09:30:00Z\", \"firstAttemptAt\": \"2026-11-22T09:30:00Z\", "
                + "\"lastAttemptAt\": \"2026-11-22T09:30:00Z\", \"nextAttemptAt\": \"2026-11-22T09:30:10Z\"}")
public record WebhookDeliveryView(
        @Schema(required = true, description = "Sent as Hearth-Delivery-Id") UUID id,
        @Schema(required = true, description = "The CloudEvents id, sent as Hearth-Event-Id") String eventId,
        @Schema(required = true) String eventType,
        @Schema(required = true) WebhookDelivery.Status status,
        @Schema(required = true, description = "Attempts made so far") int attempts,
        @Schema(description = "The HTTP status of the last answer, when there was one") Integer lastStatusCode,
        @Schema(description = "Why the last attempt failed, or why the delivery was dropped") String lastError,
        @Schema(required = true) Instant createdAt,
        Instant firstAttemptAt,
        Instant lastAttemptAt,
        @Schema(description = "When the next attempt is due; only while PENDING") Instant nextAttemptAt,
        Instant deliveredAt) {

    public static WebhookDeliveryView of(WebhookDelivery d) {
        return new WebhookDeliveryView(d.id, d.eventId, d.eventType, d.status, d.attempts, d.lastStatusCode,
                d.lastError, d.createdAt, d.firstAttemptAt, d.lastAttemptAt,
                d.status == WebhookDelivery.Status.PENDING ? d.nextAttemptAt : null, d.deliveredAt);
    }
}
