package io.hearth.monetization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.hearth.monetization.config.PaymentsConfig;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The webhook secret's contract with the launcher, docker-compose and Kubernetes: HEARTH_PAYMENTS_WEBHOOK_SECRET,
 * required outside the tests. (WebhookSecretRequiredIT starts the built service without it.)
 */
class PaymentsConfigTest {

    @Test
    void environmentVariableOverridesTheLocalDefaultSecret() throws IOException {
        assertEquals("from-the-secret", secret(Map.of("HEARTH_PAYMENTS_WEBHOOK_SECRET", "from-the-secret")));
    }

    @Test
    void productionWithoutTheSecretRefusesToStart() {
        for (Map<String, String> environment : List.of(Map.<String, String>of(),
                Map.of("HEARTH_PAYMENTS_WEBHOOK_SECRET", ""))) {
            ConfigValidationException refused = assertThrows(ConfigValidationException.class,
                    () -> secret("prod", environment));
            assertTrue(refused.getMessage().contains("hearth.payments.webhook-secret"), refused.getMessage());
        }
    }

    @Test
    void onlyTheTestProfileHasASecretOfItsOwn() throws IOException {
        assertEquals(MonetizationApi.WEBHOOK_SECRET, secret("test", Map.of()));
        assertEquals("from-the-secret", secret("prod", Map.of("HEARTH_PAYMENTS_WEBHOOK_SECRET", "from-the-secret")));
    }

    private static String secret(Map<String, String> environment) throws IOException {
        return secret("prod", environment);
    }

    /** The service's configuration as Quarkus builds it at start in {@code profile}, with this environment. */
    private static String secret(String profile, Map<String, String> environment) throws IOException {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withProfile(profile)
                .withSources(new PropertiesConfigSource(
                        PaymentsConfigTest.class.getResource("/application.properties"), 250))
                .withSources(new EnvConfigSource(environment, 300))
                .withMapping(PaymentsConfig.class)
                .build();
        return config.getConfigMapping(PaymentsConfig.class).webhookSecret();
    }
}
