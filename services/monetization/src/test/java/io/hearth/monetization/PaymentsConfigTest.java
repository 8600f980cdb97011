package io.hearth.monetization;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.hearth.monetization.config.PaymentsConfig;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The webhook secret's contract with the launcher, docker-compose and Kubernetes: HEARTH_PAYMENTS_WEBHOOK_SECRET. */
class PaymentsConfigTest {

    @Test
    void environmentVariableOverridesTheLocalDefaultSecret() throws IOException {
        assertEquals("from-the-secret", secret(Map.of("HEARTH_PAYMENTS_WEBHOOK_SECRET", "from-the-secret")));
    }

    @Test
    void localStackDefaultIsTheLaunchersSecret() throws IOException {
        assertEquals(MonetizationApi.WEBHOOK_SECRET, secret(Map.of()));
    }

    private static String secret(Map<String, String> environment) throws IOException {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(
                        PaymentsConfigTest.class.getResource("/application.properties"), 250))
                .withSources(new EnvConfigSource(environment, 300))
                .withMapping(PaymentsConfig.class)
                .build();
        return config.getConfigMapping(PaymentsConfig.class).webhookSecret();
    }
}
