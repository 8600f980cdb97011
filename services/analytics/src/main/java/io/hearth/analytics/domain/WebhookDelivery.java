package io.hearth.analytics.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One event on its way to one subscription, as the delivery log shows it. Written by SQL, read here. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {
    public enum Status {
        /** Due at nextAttemptAt. */
        PENDING,
        /** The receiver answered 2xx. */
        DELIVERED,
        /** Not delivered within the retry period after the first attempt. */
        FAILED,
        /** Not delivered because the partner's grant was revoked (or lost events:subscribe) first. */
        DROPPED
    }

    @Id
    public Long seq;

    public UUID id;

    @Column(name = "subscription_id")
    public UUID subscriptionId;

    @Column(name = "event_id")
    public String eventId;

    @Column(name = "event_type")
    public String eventType;

    @Enumerated(EnumType.STRING)
    public Status status;

    public int attempts;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "first_attempt_at")
    public Instant firstAttemptAt;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    @Column(name = "last_status_code")
    public Integer lastStatusCode;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "delivered_at")
    public Instant deliveredAt;
}
