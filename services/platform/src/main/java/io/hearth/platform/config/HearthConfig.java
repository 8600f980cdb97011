package io.hearth.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hearth")
public interface HearthConfig {
    /** The service's name: the CloudEvents source is {@code /hearth/<name>}. */
    String serviceName();

    Outbox outbox();

    MembershipReplica membershipReplica();

    interface Outbox {
        /** How many pending events one relay pass publishes. */
        @WithDefault("200")
        int batchSize();

        /** How long published rows are kept for inspection before they are purged. */
        @WithDefault("P7D")
        java.time.Duration retention();
    }

    interface MembershipReplica {
        /** Build-time switch of the platform's replica consumer; every service but membership turns it on. */
        @WithDefault("false")
        boolean enabled();
    }
}
