package io.hearth.platform.config;

import java.time.Duration;

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
}
