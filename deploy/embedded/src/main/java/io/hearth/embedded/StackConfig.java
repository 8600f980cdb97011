package io.hearth.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link HearthStack} starts and where. {@link #defaults(Path)} gives the fixed local ports; tests take
 * {@link #withFreePorts()} and a temporary {@link #withStateDir(Path) state directory}.
 *
 * @param repositoryRoot        the checkout, where services/&lt;name&gt;/target/quarkus-app/quarkus-run.jar are built
 * @param stateDir              all data (PostgreSQL, Kafka, Keycloak) and logs; kept across restarts
 * @param postgresPort          PostgreSQL
 * @param kafkaPort             the Kafka broker's client listener
 * @param keycloakPort          Keycloak's HTTP port
 * @param servicePorts          the services to start, each with its HTTP port; empty starts the infrastructure only
 * @param paymentsWebhookSecret what monetization verifies payment-provider webhook signatures with
 * @param serviceJvmArgs        JVM options for every service process
 * @param serviceProperties     extra system properties for every service process
 * @param startTimeout          how long each server may take to become ready
 */
public record StackConfig(
        Path repositoryRoot,
        Path stateDir,
        int postgresPort,
        int kafkaPort,
        int keycloakPort,
        Map<HearthService, Integer> servicePorts,
        String paymentsWebhookSecret,
        List<String> serviceJvmArgs,
        Map<String, String> serviceProperties,
        Duration startTimeout) {

    public static final int POSTGRES_PORT = 5433;
    public static final int KAFKA_PORT = 9092;
    public static final int KEYCLOAK_PORT = 8180;
    public static final String LOCAL_WEBHOOK_SECRET = "local-webhook-secret";
    /**
     * Five services and Keycloak share a small machine: cap each heap, a serial GC suits small heaps, and it gives
     * memory back after a burst (heap free ratios); small thread stacks and a bounded code cache keep the rest down.
     */
    public static final List<String> DEFAULT_SERVICE_JVM_ARGS = List.of("-Xms16m", "-Xmx384m", "-XX:+UseSerialGC",
            "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=20", "-Xss512k", "-XX:ReservedCodeCacheSize=64m");

    public StackConfig {
        Objects.requireNonNull(repositoryRoot, "repositoryRoot");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(paymentsWebhookSecret, "paymentsWebhookSecret");
        Objects.requireNonNull(startTimeout, "startTimeout");
        repositoryRoot = repositoryRoot.toAbsolutePath().normalize();
        stateDir = stateDir.toAbsolutePath().normalize();
        servicePorts = servicePorts.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(servicePorts));
        serviceJvmArgs = List.copyOf(serviceJvmArgs);
        serviceProperties = Collections.unmodifiableMap(new LinkedHashMap<>(serviceProperties));
    }

    /** All five services on 8081-8085, PostgreSQL on 5433, Kafka on 9092, Keycloak on 8180, state in .hearth/. */
    public static StackConfig defaults(Path repositoryRoot) {
        Map<HearthService, Integer> ports = new EnumMap<>(HearthService.class);
        for (HearthService service : HearthService.values()) {
            ports.put(service, service.defaultPort());
        }
        return new StackConfig(repositoryRoot, repositoryRoot.resolve(".hearth"), POSTGRES_PORT, KAFKA_PORT,
                KEYCLOAK_PORT, ports, LOCAL_WEBHOOK_SECRET, DEFAULT_SERVICE_JVM_ARGS, Map.of(),
                Duration.ofSeconds(180));
    }

    public StackConfig withStateDir(Path dir) {
        return new StackConfig(repositoryRoot, dir, postgresPort, kafkaPort, keycloakPort, servicePorts,
                paymentsWebhookSecret, serviceJvmArgs, serviceProperties, startTimeout);
    }

    /** Every port replaced by one that is free now, so that tests never collide with a running stack. */
    public StackConfig withFreePorts() {
        Map<HearthService, Integer> ports = new EnumMap<>(HearthService.class);
        servicePorts.keySet().forEach(service -> ports.put(service, Ports.free()));
        return new StackConfig(repositoryRoot, stateDir, Ports.free(), Ports.free(), Ports.free(), ports,
                paymentsWebhookSecret, serviceJvmArgs, serviceProperties, startTimeout);
    }

    /** Only these services (on their current ports, or their default ones). */
    public StackConfig withServices(HearthService... services) {
        Map<HearthService, Integer> ports = new EnumMap<>(HearthService.class);
        for (HearthService service : services) {
            ports.put(service, servicePorts.getOrDefault(service, service.defaultPort()));
        }
        return new StackConfig(repositoryRoot, stateDir, postgresPort, kafkaPort, keycloakPort, ports,
                paymentsWebhookSecret, serviceJvmArgs, serviceProperties, startTimeout);
    }

    /** PostgreSQL, Kafka and Keycloak without the services. */
    public StackConfig infraOnly() {
        return withServices();
    }

    public StackConfig withPaymentsWebhookSecret(String secret) {
        return new StackConfig(repositoryRoot, stateDir, postgresPort, kafkaPort, keycloakPort, servicePorts,
                secret, serviceJvmArgs, serviceProperties, startTimeout);
    }

    /** Adds a system property for every service, e.g. a log level. */
    public StackConfig withServiceProperty(String name, String value) {
        Map<String, String> properties = new LinkedHashMap<>(serviceProperties);
        properties.put(name, value);
        return new StackConfig(repositoryRoot, stateDir, postgresPort, kafkaPort, keycloakPort, servicePorts,
                paymentsWebhookSecret, serviceJvmArgs, properties, startTimeout);
    }

    public StackConfig withStartTimeout(Duration timeout) {
        return new StackConfig(repositoryRoot, stateDir, postgresPort, kafkaPort, keycloakPort, servicePorts,
                paymentsWebhookSecret, serviceJvmArgs, serviceProperties, timeout);
    }

    public Path logDir() {
        return stateDir.resolve("logs");
    }
}
