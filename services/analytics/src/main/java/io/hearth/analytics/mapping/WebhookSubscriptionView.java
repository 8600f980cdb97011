package io.hearth.analytics.mapping;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.analytics.domain.WebhookSubscription;

@Schema(description = "A webhook subscription (its secret is only shown when it is created).",
        example = "{\"id\": \"3d0f5c7e-2b9a-4f1e-8c6d-1a2b3c4d5e6f\", \"communityId\": "
                + "\"6f1c2d2e-8a7b-4c55-9a53-2b0e3f1d9c11\", \"clientId\": \"partner-demo\", \"url\": "
                + "\"https://crm.example.com/hooks/hearth\", \"eventTypes\": [\"hearth.member.joined\"], "
                + "\"createdAt\": \"2026-11-22T09:30:00Z\"}")
public record WebhookSubscriptionView(
        @Schema(required = true) UUID id,
        @Schema(required = true) String communityId,
        @Schema(required = true, description = "The partner client that subscribed") String clientId,
        @Schema(required = true) String url,
        @Schema(required = true) List<String> eventTypes,
        @Schema(required = true) Instant createdAt) {

    public static WebhookSubscriptionView of(WebhookSubscription s) {
        return new WebhookSubscriptionView(s.id, s.communityId, s.clientId, s.url, List.of(s.eventTypes.split(" ")),
                s.createdAt);
    }
}
