package io.hearth.monetization.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The payment provider's settings. The webhook secret comes from {@code HEARTH_PAYMENTS_WEBHOOK_SECRET} in
 * containers and Kubernetes (the {@code hearth-secrets} secret) and from the local launcher; the default only suits a
 * local stack.
 */
@ConfigMapping(prefix = "hearth.payments")
public interface PaymentsConfig {

    /** The secret the provider signs its webhook callbacks with (HMAC-SHA256 over the raw body). */
    @WithDefault("local-webhook-secret")
    String webhookSecret();
}
