package io.hearth.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The manifests in deploy/k8s parse and give every service a probed, resourced Deployment and a Service. */
class KubernetesManifestsTest {
    private static final Path DIR = Path.of("../k8s");
    private static final List<JsonNode> objects = new ArrayList<>();

    @BeforeAll
    static void parse() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (MappingIterator<JsonNode> documents = yaml.readerFor(JsonNode.class).readValues(file.toFile())) {
                    documents.readAll().stream().filter(JsonNode::isObject).forEach(objects::add);
                }
            }
        }
    }

    @Test
    void everyServiceHasADeploymentAndAService() {
        for (HearthService service : HearthService.values()) {
            JsonNode deployment = object("Deployment", service.id());
            assertEquals("hearth", deployment.path("metadata").path("namespace").asText());
            JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").get(0);
            assertEquals("hearth/" + service.id() + ":0.1.0", container.path("image").asText());
            assertEquals("/q/health/ready", container.path("readinessProbe").path("httpGet").path("path").asText());
            assertEquals("/q/health/live", container.path("livenessProbe").path("httpGet").path("path").asText());
            assertTrue(container.path("resources").path("requests").has("memory"), service.id());
            assertTrue(container.path("resources").path("limits").has("memory"), service.id());
            assertEquals("hearth-config", container.path("envFrom").get(0).path("configMapRef").path("name").asText());
            String env = container.path("env").toString();
            assertTrue(env.contains("/" + service.database() + "\""), service.id() + " database: " + env);
            assertTrue(env.contains("\"hearth-secrets\""), service.id() + " reads no secret");
            assertEquals(service == HearthService.MONETIZATION, env.contains("HEARTH_PAYMENTS_WEBHOOK_SECRET"),
                    service.id());

            JsonNode svc = object("Service", service.id());
            assertEquals(service.id(), svc.path("spec").path("selector").path("app.kubernetes.io/name").asText());
        }
    }

    @Test
    void configMapAndSecretTemplateHoldTheExternalSettings() {
        JsonNode config = object("ConfigMap", "hearth-config").path("data");
        for (String key : List.of("KAFKA_BOOTSTRAP_SERVERS", "HEARTH_DB_ADDRESS", "QUARKUS_DATASOURCE_USERNAME",
                "QUARKUS_OIDC_AUTH_SERVER_URL")) {
            assertTrue(config.hasNonNull(key), key);
        }
        JsonNode secret = object("Secret", "hearth-secrets").path("stringData");
        assertTrue(secret.hasNonNull("db-password") && secret.hasNonNull("payments-webhook-secret"));
        assertTrue(secret.hasNonNull("keycloak-admin-username") && secret.hasNonNull("keycloak-admin-password"));
    }

    @Test
    void kustomizationListsEveryManifestButTheSecretTemplate() throws Exception {
        List<String> resources = new ArrayList<>();
        object("Kustomization", null).path("resources").forEach(r -> resources.add(r.asText()));
        try (Stream<Path> files = Files.list(DIR)) {
            for (String file : files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yaml"))
                    .filter(f -> !f.equals("kustomization.yaml") && !f.startsWith("secret")).toList()) {
                assertTrue(resources.contains(file), file + " missing from kustomization.yaml");
            }
        }
    }

    private static JsonNode object(String kind, String name) {
        return objects.stream()
                .filter(o -> kind.equals(o.path("kind").asText()))
                .filter(o -> name == null || name.equals(o.path("metadata").path("name").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    @Test
    void keycloakRunsInProductionModeWithTheProductionRealmAndTheAdminFromTheSecret() throws Exception {
        JsonNode deployment = object("Deployment", "keycloak");
        JsonNode pod = deployment.path("spec").path("template").path("spec");
        JsonNode container = pod.path("containers").get(0);
        List<String> args = new ArrayList<>();
        container.path("args").forEach(a -> args.add(a.asText()));
        assertEquals(List.of("start", "--import-realm"), args);
        Map<String, JsonNode> env = new HashMap<>();
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e));
        for (String name : List.of("KC_BOOTSTRAP_ADMIN_USERNAME", "KC_BOOTSTRAP_ADMIN_PASSWORD", "KC_DB_PASSWORD")) {
            assertEquals("hearth-secrets", env.get(name).path("valueFrom").path("secretKeyRef").path("name").asText(),
                    name);
        }
        assertTrue(env.containsKey("KC_HOSTNAME"), "no hostname");
        assertEquals("xforwarded", env.get("KC_PROXY_HEADERS").path("value").asText());
        assertEquals("hearth-realm", pod.path("volumes").get(0).path("configMap").path("name").asText());
        assertEquals("/opt/keycloak/data/import", container.path("volumeMounts").get(0).path("mountPath").asText());

        // The realm ConfigMap is generated from deploy/keycloak/hearth-realm.json, which the kustomization includes.
        List<String> resources = new ArrayList<>();
        object("Kustomization", null).path("resources").forEach(r -> resources.add(r.asText()));
        assertTrue(resources.contains("../keycloak"), resources.toString());
        JsonNode realmKustomization = new ObjectMapper(new YAMLFactory())
                .readTree(DIR.resolve("../keycloak/kustomization.yaml").toFile());
        JsonNode generator = realmKustomization.path("configMapGenerator").get(0);
        assertEquals("hearth-realm", generator.path("name").asText());
        assertEquals("hearth-realm.json", generator.path("files").get(0).asText());
        assertTrue(realmKustomization.path("generatorOptions").path("disableNameSuffixHash").asBoolean());
    }
}
