package io.hearth.analytics.mapping;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.analytics.domain.WebhookSubscription;

@Schema(description = "A new webhook subscription with its signing secret, which is shown this once.",
        example = "{\"id\": \"3d0f5c7e-2b9a-4f1e-8c6d-1a2b3c4d5e6f\", \"communityId\": "
                + "\"6f1c2d2e-8a7b-4c55-9a53-2b0e3f1d9c11\", \"clientId\": \"partner-demo\", \"url\": "
                + "\"https://crm.example.com/hooks/hearth\", \"eventTypes\": [\"hearth.member.joined\"], "
                + "\"createdAt\": \"2026-11-22T09:30:00Z\", \"secret\": "
                + "\"whsec_q1Vb8d2mZr0yW4cXo7uN3aLk9tEfGhJiPsQvRwTxYz0\"}")
public record CreatedWebhookSubscriptionView(
        @Schema(required = true) UUID id,
        @Schema(required = true) String communityId,
        @Schema(required = true, description = "The partner client that subscribed") String clientId,
        @Schema(required = true) String url,
        @Schema(required = true) List<String> eventTypes,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true, description = "The HMAC-SHA256 key of Hearth-Signature (its UTF-8 bytes). Keep "
                + "it: it is never shown again") String secret) {

    public static CreatedWebhookSubscriptionView of(WebhookSubscription s) {
        return new CreatedWebhookSubscriptionView(s.id, s.communityId, s.clientId, s.url,
                List.of(s.eventTypes.split(" ")), s.createdAt, s.secret);
    }
}
