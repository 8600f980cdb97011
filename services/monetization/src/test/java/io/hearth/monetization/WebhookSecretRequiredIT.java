package io.hearth.monetization;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service, started as production starts it (prod profile, no test configuration) but without
 * HEARTH_PAYMENTS_WEBHOOK_SECRET, refuses to start and names what is missing. Nothing else needs to be up: the
 * configuration is checked before the service connects to anything.
 */
class WebhookSecretRequiredIT {
    @TempDir
    Path dir;

    @Test
    void productionServiceWithoutTheWebhookSecretExitsNamingIt() throws Exception {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), jar + " not built");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx128m", "-Dquarkus.http.port=0",
                // Nothing else is up: no migration, so that the start gets as far as checking its configuration.
                "-Dquarkus.flyway.migrate-at-start=false", "-jar", jar.toString()));
        Path log = dir.resolve("monetization.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("HEARTH_PAYMENTS_WEBHOOK_SECRET");
        builder.environment().remove("QUARKUS_PROFILE");
        Process process = builder.start();
        try {
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "still running: " + Files.readString(log));
            String output = Files.readString(log);
            assertNotEquals(0, process.exitValue(), output);
            assertTrue(output.contains("hearth.payments.webhook-secret"), output);
        } finally {
            process.destroyForcibly();
        }
    }
}
