package io.hearth.platform.config;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hearth")
public interface HearthConfig {
    /** The service's name: the CloudEvents source is {@code /hearth/<name>}. */
    String serviceName();

    Outbox outbox();

    Retention retention();

    MembershipReplica membershipReplica();

    Openapi openapi();

    Limits limits();

    interface Outbox {
        /** The most pending events one relay batch reads and sends at once. */
        @WithDefault("500")
        int batchSize();

        /** How often a standing-by instance tries to become the relay, and the leader drains without a notice. */
        @WithDefault("1s")
        Duration tick();
    }

    /** How long each record kept only for a while lives; a job deletes older ones every few minutes. */
    interface Retention {
        /** Published outbox rows, kept for inspection: the topics are the record. */
        @WithDefault("P7D")
        Duration outbox();

        /**
         * Event ids a consumer has applied. Longer than any redelivery can come late; a replay from the beginning
         * of a topic re-applies events in order, which rebuilds the same state.
         */
        @WithDefault("P14D")
        Duration processedEvents();

        /** Idempotency keys: a retry with the same key within this time gets the first result. */
        @WithDefault("P1D")
        Duration idempotencyKeys();
    }

    interface MembershipReplica {
        /** Build-time switch of the platform's replica consumer; every service but membership turns it on. */
        @WithDefault("false")
        boolean enabled();
    }

    /** What the OpenAPI documents tell clients about the deployment (read by ProblemResponsesFilter). */
    interface Openapi {
        /** The Keycloak realm whose tokens the service takes; the security schemes point at its endpoints. */
        String realmUrl();

        /** Where clients reach this service. */
        String serverUrl();

        String serverDescription();
    }

    /**
     * What one caller may send, the same way in every service. The per-minute rates are defaults a community
     * operator can live with; each is one {@code requests} per {@code per} budget, refilled continuously.
     */
    interface Limits {
        /** The largest request body any route takes; a larger one is refused with 413 before it is read. */
        @WithDefault("64K")
        MemorySize maxBodySize();

        /** Join attempts per caller (membership), counted across all instances. */
        Rate join();

        /** Payment webhook calls per source address (monetization), counted across all instances. */
        Rate paymentWebhook();

        /** Previews of entries and live codes, which need no token, per source address (membership). */
        Rate entryPreview();
    }

    /** A budget of {@code requests} per {@code per}; defaults in the platform's microprofile-config.properties. */
    interface Rate {
        int requests();

        Duration per();
    }
}
