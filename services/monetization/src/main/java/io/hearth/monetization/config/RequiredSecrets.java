package io.hearth.monetization.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start without the webhook secret. Quarkus reads a config mapping only when something first uses it,
 * which for the secret is the first callback: without this check a deployment that forgot it would run and refuse
 * every payment.
 */
@ApplicationScoped
class RequiredSecrets {
    void verify(@Observes StartupEvent started, PaymentsConfig payments) {
        String secret = payments.webhookSecret();
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("hearth.payments.webhook-secret (HEARTH_PAYMENTS_WEBHOOK_SECRET) is "
                    + "required: the secret the payment provider signs its webhook callbacks with");
        }
    }
}
