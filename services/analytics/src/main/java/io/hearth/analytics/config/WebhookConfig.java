package io.hearth.analytics.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How analytics delivers partners' webhooks. */
@ConfigMapping(prefix = "hearth.webhooks")
public interface WebhookConfig {
    /**
     * URL hosts, exactly as written in a subscription's URL (e.g. {@code 127.0.0.1}), that may be delivered to although
     * they are loopback, private or link-local. Empty in production; the local stack and the tests name 127.0.0.1 so
     * that a receiver on the same machine can be used.
     */
    Optional<List<String>> allowedHosts();

    /** The wait after the first failed attempt; each further failure doubles it. */
    @WithDefault("10s")
    Duration backoffBase();

    /** The longest wait between two attempts. */
    @WithDefault("1h")
    Duration backoffMax();

    /** How long after its first attempt a delivery is retried before it is given up (status FAILED). */
    @WithDefault("24h")
    Duration giveUpAfter();

    /** How long one attempt (connect, send, answer) may take before it counts as failed. */
    @WithDefault("10s")
    Duration timeout();

    /** How long delivered, failed and dropped deliveries stay in the delivery log. */
    @WithDefault("P30D")
    Duration logRetention();

    /** How often each instance looks for due deliveries (WebhookDeliveryWorker. timer). */
    @WithDefault("1s")
    Duration tick();

    /** The most deliveries one instance claims and attempts at once. */
    @WithDefault("32")
    int batchSize();
}
