package io.hearth.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher against a repository whose "services" are {@link FakeService}s: what they are started with, what the
 * infrastructure holds, the controls fault tests use (kill, start again, more instances), and that closing stops
 * every process. One stack for the class, in order, because Keycloak takes most of a minute to boot; closing it is
 * the last test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HearthStackTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    static Path repository;

    private HearthStack stack;

    @BeforeAll
    void start() throws Exception {
        fakeServiceJar(HearthService.MEMBERSHIP.runJar(repository));
        fakeServiceJar(HearthService.MONETIZATION.runJar(repository));
        StackConfig config = StackConfig.defaults(repository).withStateDir(repository.resolve("state"))
                .withServices(HearthService.MEMBERSHIP, HearthService.MONETIZATION).withFreePorts()
                .withPaymentsWebhookSecret("test-secret")
                .withServiceProperty("quarkus.log.level", "DEBUG");
        stack = HearthStack.start(config);
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void startsInfrastructureAndServicesWiredToIt() throws Exception {
        URI membership = stack.serviceUrl(HearthService.MEMBERSHIP);
        assertEquals(Set.of(HearthService.MEMBERSHIP, HearthService.MONETIZATION), stack.serviceUrls().keySet());

        Properties launch = launchOf(membership);
        assertEquals("127.0.0.1", launch.getProperty("quarkus.http.host"));
        assertEquals(String.valueOf(membership.getPort()), launch.getProperty("quarkus.http.port"));
        assertEquals(stack.postgres().reactiveUrl("membership"), launch.getProperty("quarkus.datasource.reactive.url"));
        assertEquals(stack.jdbcUrl(HearthService.MEMBERSHIP), launch.getProperty("quarkus.datasource.jdbc.url"));
        assertEquals("postgres", launch.getProperty("quarkus.datasource.username"));
        assertEquals("postgres", launch.getProperty("quarkus.datasource.password"));
        assertEquals(stack.kafkaBootstrapServers(), launch.getProperty("kafka.bootstrap.servers"));
        assertEquals(stack.issuerUrl(), launch.getProperty("quarkus.oidc.auth-server-url"));
        assertEquals("DEBUG", launch.getProperty("quarkus.log.level"));
        assertFalse(launch.containsKey("env.HEARTH_PAYMENTS_WEBHOOK_SECRET"));
        assertEquals("test-secret", launchOf(stack.serviceUrl(HearthService.MONETIZATION))
                .getProperty("env.HEARTH_PAYMENTS_WEBHOOK_SECRET"));

        for (HearthService service : HearthService.values()) {
            try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(service),
                    PostgresServer.USER, PostgresServer.PASSWORD)) {
                assertTrue(connection.isValid(5), service.database());
            }
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafkaBootstrapServers()))) {
            assertTrue(admin.listTopics().names().get().containsAll(HearthStack.TOPICS));
        }
        assertFalse(stack.keycloak().accessToken("member3", "hearth").isBlank());
        assertTrue(stack.describe().contains(membership + "q/swagger-ui"));
        assertTrue(Files.exists(stack.logFile(HearthService.MEMBERSHIP)));
    }

    @Test
    @Order(2)
    void killedServiceStartsAgainOnItsPort() throws Exception {
        URI membership = stack.serviceUrl(HearthService.MEMBERSHIP);
        String firstPid = launchOf(membership).getProperty("fake.pid");

        stack.killService(HearthService.MEMBERSHIP);
        assertThrows(ConnectException.class, () -> launchOf(membership));
        assertEquals(List.of(HearthService.MEMBERSHIP), stack.exitedServices());
        stack.startService(HearthService.MEMBERSHIP);

        assertTrue(stack.exitedServices().isEmpty());
        assertNotEquals(firstPid, launchOf(membership).getProperty("fake.pid"), "the killed process answered");
    }

    @Test
    @Order(3)
    void anotherInstanceSharesTheServicesWiringOnItsOwnPort() throws Exception {
        URI membership = stack.serviceUrl(HearthService.MEMBERSHIP);

        ServiceInstance another = stack.startMoreInstances(HearthService.MEMBERSHIP).get(0);

        assertNotEquals(membership.getPort(), another.url().getPort());
        Properties first = launchOf(membership);
        Properties second = launchOf(another.url());
        for (String wiring : List.of("quarkus.datasource.reactive.url", "quarkus.datasource.jdbc.url",
                "kafka.bootstrap.servers", "quarkus.oidc.auth-server-url")) {
            assertEquals(first.getProperty(wiring), second.getProperty(wiring), wiring);
        }
        assertEquals(String.valueOf(another.url().getPort()), second.getProperty("quarkus.http.port"));
        assertTrue(another.logFile().endsWith("membership-2.log"), another.logFile().toString());

        another.close();
        assertThrows(ConnectException.class, () -> launchOf(another.url()));
        assertTrue(launchOf(membership).containsKey("fake.pid"), "stopping the other instance stopped the first");
    }

    @Test
    @Order(4)
    void closeStopsEveryProcessMoreInstancesIncluded() throws Exception {
        URI membership = stack.serviceUrl(HearthService.MEMBERSHIP);
        URI another = stack.startMoreInstances(HearthService.MONETIZATION).get(0).url();

        stack.close();

        assertThrows(ConnectException.class, () -> launchOf(membership));
        assertThrows(ConnectException.class, () -> launchOf(another));
    }

    @Test
    void refusesToStartWhenAServiceIsNotBuilt(@TempDir Path elsewhere) {
        StackConfig config = StackConfig.defaults(elsewhere).withStateDir(elsewhere.resolve("state"))
                .withFreePorts();

        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> HearthStack.start(config));

        assertTrue(failure.getMessage().contains("quarkus-run.jar"), failure.getMessage());
        assertFalse(Files.exists(elsewhere.resolve("state/keycloak")), "nothing should have been started");
    }

    private Properties launchOf(URI service) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(service.resolve("/launch")).build(),
                HttpResponse.BodyHandlers.ofString());
        Properties properties = new Properties();
        properties.load(new StringReader(response.body()));
        return properties;
    }

    /** An empty jar whose manifest runs FakeService from this module's test classes. */
    private static void fakeServiceJar(Path jar) throws Exception {
        Path testClasses = Path.of(FakeService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, testClasses.toUri().toString());
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // The manifest is all it needs.
        }
    }
}
