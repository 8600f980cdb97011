package io.hearth.monetization.config;

import io.smallrye.config.ConfigMapping;

/**
 * The payment provider's settings. The webhook secret has no default: it comes from
 * {@code HEARTH_PAYMENTS_WEBHOOK_SECRET} (docker-compose, the {@code hearth-secrets} secret in Kubernetes, the local
 * launcher) or, in tests, from the test profile; without it the service refuses to start.
 */
@ConfigMapping(prefix = "hearth.payments")
public interface PaymentsConfig {

    /** The secret the provider signs its webhook callbacks with (HMAC-SHA256 over the raw body). Required. */
    String webhookSecret();
}
