package io.hearth.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hearth")
public interface HearthConfig {
    /** The service's name: the CloudEvents source is {@code /hearth/<name>}. */
    String serviceName();

    Outbox outbox();

    interface Outbox {
        /** How many pending events one relay pass publishes. */
        @WithDefault("200")
        int batchSize();
    }
}
