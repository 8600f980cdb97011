package io.hearth.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * docker-compose.yml cannot be run here (no Docker engine), so the build checks that it parses and describes the
 * stack: infrastructure, the five services with their images, ports and settings, and files it mounts that exist.
 */
class DockerComposeTest {
    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static JsonNode services;

    @BeforeAll
    static void parse() throws Exception {
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("docker-compose.yml").toFile());
        services = compose.path("services");
        assertTrue(services.isObject(), "no services in docker-compose.yml");
    }

    @Test
    void kafkaRunsInKraftModeAndTheTopicsAreCreated() {
        JsonNode kafka = service("kafka");
        assertTrue(kafka.path("image").asText().startsWith("apache/kafka:4.0"), kafka.path("image").asText());
        assertEquals("broker,controller", kafka.path("environment").path("KAFKA_PROCESS_ROLES").asText());

        String init = service("kafka-init").path("command").toString();
        HearthStack.TOPICS.forEach(topic -> assertTrue(init.contains(topic), "kafka-init does not create " + topic));
    }

    @Test
    void postgresCreatesEveryServiceDatabase() throws Exception {
        JsonNode postgres = service("postgres");
        assertTrue(postgres.path("image").asText().startsWith("postgres:16"), postgres.path("image").asText());
        String initVolume = volumes(postgres).stream().filter(v -> v.contains("/docker-entrypoint-initdb.d/"))
                .findFirst().orElseThrow(() -> new AssertionError("no init script mounted"));
        String script = Files.readString(mountedFile(initVolume));
        for (HearthService service : HearthService.values()) {
            assertTrue(script.contains("CREATE DATABASE " + service.database() + ";"), service.database());
        }
    }

    @Test
    void keycloakRunsInProductionModeWithTheProductionRealmAndNoDefaultAdmin() {
        JsonNode keycloak = service("keycloak");
        assertEquals("quay.io/keycloak/keycloak:26.0.8", keycloak.path("image").asText());
        List<String> command = new ArrayList<>();
        keycloak.path("command").forEach(part -> command.add(part.asText()));
        assertEquals(List.of("start", "--import-realm"), command);
        JsonNode env = keycloak.path("environment");
        for (String secret : List.of("KC_BOOTSTRAP_ADMIN_USERNAME", "KC_BOOTSTRAP_ADMIN_PASSWORD", "KC_DB_PASSWORD")) {
            // ${VAR:?message}: compose refuses to start without it; no admin/admin or other default.
            assertTrue(env.path(secret).asText().matches("\\$\\{[A-Z_]+:\\?[^}]*}"), secret + ": " + env.path(secret));
        }
        assertTrue(env.hasNonNull("KC_HOSTNAME"), "no hostname");
        assertEquals("xforwarded", env.path("KC_PROXY_HEADERS").asText());
        String realmVolume = volumes(keycloak).stream().filter(v -> v.contains(":/opt/keycloak/data/import"))
                .findFirst().orElseThrow(() -> new AssertionError("realm not mounted"));
        assertEquals(ROOT.resolve("deploy/keycloak/hearth-realm.json"), mountedFile(realmVolume));
    }

    @Test
    void paymentWebhookSecretHasNoDefault() {
        String secret = service("monetization").path("environment").path("HEARTH_PAYMENTS_WEBHOOK_SECRET").asText();
        assertTrue(secret.startsWith("${HEARTH_PAYMENTS_WEBHOOK_SECRET:?"), secret);
        assertFalse(secret.contains("local-webhook-secret"), secret);
    }

    @Test
    void everyServiceRunsItsImageWithItsSettings() {
        for (HearthService service : HearthService.values()) {
            JsonNode node = service(service.id());
            assertEquals("hearth/" + service.id() + ":0.1.0", node.path("image").asText());
            assertTrue(node.path("ports").toString().contains(":" + service.defaultPort() + ":8080\""),
                    service.id() + " ports " + node.path("ports"));
            JsonNode env = node.path("environment");
            assertEquals("8080", env.path("QUARKUS_HTTP_PORT").asText());
            assertEquals("postgresql://postgres:5432/" + service.database(),
                    env.path("QUARKUS_DATASOURCE_REACTIVE_URL").asText());
            assertEquals("jdbc:postgresql://postgres:5432/" + service.database(),
                    env.path("QUARKUS_DATASOURCE_JDBC_URL").asText());
            for (String name : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD",
                    "KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_OIDC_AUTH_SERVER_URL")) {
                assertTrue(env.hasNonNull(name), service.id() + " lacks " + name);
            }
            assertEquals("http://keycloak:8080/realms/hearth", env.path("QUARKUS_OIDC_AUTH_SERVER_URL").asText());
            for (String dependency : List.of("postgres", "kafka-init", "keycloak")) {
                assertTrue(node.path("depends_on").has(dependency), service.id() + " should wait for " + dependency);
            }
        }
        assertTrue(service("monetization").path("environment").hasNonNull("HEARTH_PAYMENTS_WEBHOOK_SECRET"));
    }

    private static JsonNode service(String name) {
        JsonNode service = services.path(name);
        assertTrue(service.isObject(), "no service " + name);
        return service;
    }

    private static List<String> volumes(JsonNode service) {
        List<String> volumes = new ArrayList<>();
        service.path("volumes").forEach(volume -> volumes.add(volume.asText()));
        return volumes;
    }

    /** The host side of a bind mount such as ./deploy/keycloak:/opt/keycloak/data/import:ro, which must exist. */
    private static Path mountedFile(String volume) {
        Path host = ROOT.resolve(volume.substring(0, volume.indexOf(':'))).normalize();
        assertTrue(Files.exists(host), "mounted path missing: " + host);
        return host;
    }
}
