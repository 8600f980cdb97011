package io.hearth.embedded;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import io.hearth.contracts.events.Topics;

/**
 * The whole local Hearth on 127.0.0.1: PostgreSQL (a database per service), Kafka (with the event topics), Keycloak
 * (realm hearth) and the services as child JVMs. {@link #start(StackConfig)} returns once everything answers;
 * {@link #close()} stops it all in reverse order. All data lives in the config's state directory and survives a
 * restart. {@link #main(String[])} is the launcher behind deploy/run-local.sh. In a test:
 *
 * <pre>{@code
 * StackConfig config = StackConfig.defaults(HearthStack.findRepositoryRoot()).withStateDir(tempDir).withFreePorts();
 * try (HearthStack stack = HearthStack.start(config)) {
 *     String token = stack.keycloak().accessToken("operator", "hearth");
 *     URI membership = stack.serviceUrl(HearthService.MEMBERSHIP);
 * }
 * }</pre>
 */
public final class HearthStack implements AutoCloseable {
    public static final List<String> TOPICS = List.of(Topics.MEMBERSHIP, Topics.CONTENT, Topics.ACTIVITY,
            Topics.MONETIZATION);
    /** System property naming the repository root, when the working directory is not inside it. */
    public static final String REPOSITORY_ROOT_PROPERTY = "hearth.repo.root";
    /** Marks the repository root (the checkout holds it, a service's module does not). */
    private static final String LAUNCHER_SCRIPT = "deploy/run-local.sh";
    /** Where the launcher sends the logs of what runs in its own JVM (Kafka, the PostgreSQL wrapper). */
    private static final String LAUNCHER_LOG = "launcher.log";

    private final StackConfig config;
    private PostgresServer postgres;
    private KafkaServer kafka;
    private KeycloakServer keycloak;
    private final Map<HearthService, ChildProcess> services = new EnumMap<>(HearthService.class);
    /** Instances started beside the stack's own by fault tests; stopped first on close. */
    private final List<ServiceInstance> moreInstances = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private HearthStack(StackConfig config) {
        this.config = config;
    }

    /** Starts everything the config names and waits until it is ready; on failure stops what it started. */
    public static HearthStack start(StackConfig config) {
        HearthStack stack = new HearthStack(config);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException | Error e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        requireBuiltServices();
        Ports.requireFree(config.postgresPort(), "PostgreSQL");
        Ports.requireFree(config.kafkaPort(), "Kafka");
        long began = System.nanoTime();
        // Keycloak is the slowest to boot: its own process warms up while PostgreSQL and Kafka start in this one.
        // The local realm with its demo users and partner-demo secret; production imports deploy/keycloak instead.
        Path keycloakState = config.stateDir().resolve("keycloak");
        keycloak = KeycloakServer.launch(keycloakState, config.keycloakPort(), KeycloakServer.localRealm(keycloakState));

        long t = System.nanoTime();
        postgres = PostgresServer.start(config.stateDir().resolve("postgres"), config.postgresPort());
        for (HearthService service : HearthService.values()) {
            postgres.ensureDatabase(service.database());
        }
        say("PostgreSQL ready on 127.0.0.1:%d (%s)", postgres.port(), since(t));

        t = System.nanoTime();
        kafka = KafkaServer.start(config.stateDir().resolve("kafka"), config.kafkaPort());
        kafka.ensureTopics(TOPICS);
        say("Kafka ready on %s (%s)", kafka.bootstrapServers(), since(t));

        keycloak.awaitReady(config.startTimeout());
        say("Keycloak ready on %s (%s)", keycloak.baseUrl(), since(began));

        if (config.servicePorts().isEmpty()) {
            return;
        }
        t = System.nanoTime();
        // All services boot at once: on a small machine that is still quicker than one after another.
        config.servicePorts().forEach(this::launchService);
        for (Map.Entry<HearthService, ChildProcess> entry : services.entrySet()) {
            entry.getValue().awaitHttpOk(serviceUrl(entry.getKey()).resolve("/q/health/ready"),
                    config.startTimeout());
            say("%s ready on %s (%s)", entry.getKey().id(), serviceUrl(entry.getKey()), since(t));
        }
    }

    /** Fails before starting anything if a service to run has not been built. */
    private void requireBuiltServices() {
        List<String> missing = config.servicePorts().keySet().stream()
                .map(service -> service.runJar(config.repositoryRoot()))
                .filter(jar -> !Files.isRegularFile(jar))
                .map(Path::toString)
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Not built: " + missing + ". Run `mvn -DskipTests install` at "
                    + config.repositoryRoot() + " (deploy/run-local.sh does), or start with --infra-only.");
        }
    }

    private void launchService(HearthService service, int port) {
        services.put(service, launch(service, port, logFile(service)));
    }

    /** Starts one process of the service on {@code port}, wired to this stack's database, broker and Keycloak. */
    private ChildProcess launch(HearthService service, int port, Path logFile) {
        Ports.requireFree(port, service.id());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(config.serviceJvmArgs());
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.datasource.reactive.url=" + postgres.reactiveUrl(service.database()));
        command.add("-Dquarkus.datasource.jdbc.url=" + postgres.jdbcUrl(service.database()));
        command.add("-Dquarkus.datasource.username=" + PostgresServer.USER);
        command.add("-Dquarkus.datasource.password=" + PostgresServer.PASSWORD);
        command.add("-Dkafka.bootstrap.servers=" + kafka.bootstrapServers());
        command.add("-Dquarkus.oidc.auth-server-url=" + keycloak.issuerUrl());
        // The served OpenAPI documents name this stack's service and realm, not the default ports.
        command.add("-Dhearth.openapi.server-url=http://127.0.0.1:" + port);
        command.add("-Dhearth.openapi.realm-url=" + keycloak.issuerUrl());
        if (service == HearthService.ANALYTICS) {
            // Partners' webhooks may go to a receiver on this machine in the local stack; production allows none.
            command.add("-Dhearth.webhooks.allowed-hosts=127.0.0.1");
        }
        config.serviceProperties().forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.add("-jar");
        command.add(service.runJar(config.repositoryRoot()).toString());
        // An environment variable, as in docker-compose and Kubernetes, whatever property name the service maps it to.
        Map<String, String> env = service == HearthService.MONETIZATION
                ? Map.of("HEARTH_PAYMENTS_WEBHOOK_SECRET", config.paymentsWebhookSecret())
                : Map.of();
        return ChildProcess.launch(service.id(), command, env, service.moduleDir(config.repositoryRoot()), logFile);
    }

    /**
     * Kills the service's process at once with SIGKILL, as a crash would: no shutdown hook runs, nothing is flushed,
     * whatever it committed but had not yet published stays in its outbox. {@link #startService} brings it back.
     */
    public void killService(HearthService service) {
        int status = running(service).kill();
        say("%s killed (exit status %d)", service.id(), status);
    }

    /** Starts a service that was killed (or has exited) again on its own port, and waits until it is ready. */
    public void startService(HearthService service) {
        ChildProcess current = running(service);
        if (current.isAlive()) {
            throw new IllegalStateException(service.id() + " is running; kill it first");
        }
        long t = System.nanoTime();
        URI url = serviceUrl(service);
        ChildProcess process = launch(service, url.getPort(), logFile(service));
        services.put(service, process);
        process.awaitHttpOk(url.resolve("/q/health/ready"), config.startTimeout());
        say("%s ready again on %s (%s)", service.id(), url, since(t));
    }

    /**
     * Starts one more instance of each service named, as a second replica would run: the same database and consumer
     * groups, a free HTTP port, its own log file ({@code <service>-2.log}, ...). All boot at once; returns when all
     * are ready. {@link #close()} stops them too.
     */
    public List<ServiceInstance> startMoreInstances(HearthService... more) {
        long t = System.nanoTime();
        List<ServiceInstance> started = new ArrayList<>();
        for (HearthService service : more) {
            running(service);
            int port = Ports.free();
            long sameService = moreInstances.stream().filter(i -> i.service() == service).count();
            Path log = config.logDir().resolve(service.id() + "-" + (sameService + 2) + ".log");
            ServiceInstance instance = new ServiceInstance(service, URI.create("http://127.0.0.1:" + port + "/"),
                    launch(service, port, log));
            moreInstances.add(instance);
            started.add(instance);
        }
        for (ServiceInstance instance : started) {
            instance.process().awaitHttpOk(instance.url().resolve("/q/health/ready"), config.startTimeout());
            say("another %s ready on %s (%s)", instance.service().id(), instance.url(), since(t));
        }
        return List.copyOf(started);
    }

    private ChildProcess running(HearthService service) {
        ChildProcess process = services.get(service);
        if (process == null) {
            throw new IllegalArgumentException(service.id() + " is not part of this stack");
        }
        return process;
    }

    public StackConfig config() {
        return config;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public KafkaServer kafka() {
        return kafka;
    }

    public KeycloakServer keycloak() {
        return keycloak;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String issuerUrl() {
        return keycloak.issuerUrl();
    }

    public String jdbcUrl(HearthService service) {
        return postgres.jdbcUrl(service.database());
    }

    /** The service's base URL, e.g. http://127.0.0.1:8081/ (whether or not this stack runs it). */
    public URI serviceUrl(HearthService service) {
        Integer port = config.servicePorts().get(service);
        if (port == null) {
            throw new IllegalArgumentException(service.id() + " is not part of this stack");
        }
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** The running services' base URLs. */
    public Map<HearthService, URI> serviceUrls() {
        Map<HearthService, URI> urls = new EnumMap<>(HearthService.class);
        services.keySet().forEach(service -> urls.put(service, serviceUrl(service)));
        return Collections.unmodifiableMap(urls);
    }

    public Path logFile(HearthService service) {
        return config.logDir().resolve(service.id() + ".log");
    }

    /** Services whose process has exited although nobody stopped them. */
    public List<HearthService> exitedServices() {
        return services.entrySet().stream().filter(e -> !e.getValue().isAlive()).map(Map.Entry::getKey).toList();
    }

    /** Stops services, then Keycloak, Kafka and PostgreSQL; their data stays in the state directory. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        moreInstances.forEach(instance -> quietly(instance.service().id() + " at " + instance.url(), instance));
        List<HearthService> running = new ArrayList<>(services.keySet());
        Collections.reverse(running);
        running.forEach(service -> quietly(service.id(), services.get(service)));
        quietly("Keycloak", keycloak);
        quietly("Kafka", kafka);
        quietly("PostgreSQL", postgres);
    }

    /** Stopping goes on past a failure, so that one stuck server does not leave the others running. */
    private static void quietly(String what, AutoCloseable server) {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (Exception e) {
            System.err.println("[hearth] stopping " + what + " failed: " + e);
        }
    }

    /** The URLs and commands a developer needs, printed by the launcher. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        String root = config.repositoryRoot().toString() + "/";
        text.append("Hearth is running on 127.0.0.1, state in ").append(config.stateDir()).append('\n');
        for (HearthService service : services.keySet()) {
            URI url = serviceUrl(service);
            text.append(String.format("  %-13s %s   Swagger UI %sq/swagger-ui   log %s%n", service.id(), url, url,
                    logFile(service).toString().replace(root, "")));
        }
        if (services.isEmpty()) {
            text.append("  (infrastructure only: no services started)\n");
        }
        text.append(String.format("  %-13s %s   issuer %s   log %s%n", "Keycloak", keycloak.baseUrl(),
                keycloak.issuerUrl(), keycloak.logFile().toString().replace(root, "")));
        text.append(String.format("  %-13s %s (%s / %s)%n", "  admin", keycloak.adminConsoleUrl(),
                KeycloakServer.ADMIN_USERNAME, KeycloakServer.ADMIN_PASSWORD));
        text.append(String.format("  %-13s %s   topics %s%n", "Kafka", kafka.bootstrapServers(),
                String.join(", ", TOPICS)));
        text.append(String.format("  %-13s %s   databases %s, user %s / %s%n", "PostgreSQL",
                postgres.jdbcUrl("<database>"),
                Arrays.stream(HearthService.values()).map(HearthService::database).collect(Collectors.joining(", ")),
                PostgresServer.USER, PostgresServer.PASSWORD));
        Path launcherLog = config.logDir().resolve(LAUNCHER_LOG);
        if (Files.exists(launcherLog)) {
            text.append(String.format("  %-13s Kafka and PostgreSQL log to %s%n", "",
                    launcherLog.toString().replace(root, "")));
        }
        text.append("\nA token (users operator, member1, member2, member3, platform; password hearth):\n");
        text.append("  curl -s -d grant_type=password -d client_id=").append(KeycloakServer.CLI_CLIENT)
                .append(" -d username=operator -d password=hearth \\\n    ").append(keycloak.tokenUrl())
                .append(" | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/'\n");
        text.append("A partner token (client credentials):\n");
        text.append("  curl -s -d grant_type=client_credentials -d client_id=partner-demo")
                .append(" -d client_secret=partner-demo-secret \\\n    ").append(keycloak.tokenUrl()).append('\n');
        return text.toString();
    }

    /**
     * The launcher: {@code [--fresh] [--infra-only] [--state-dir DIR]}. Starts the stack, prints where everything is
     * and runs until Ctrl-C, then stops everything it started.
     */
    public static void main(String[] args) throws InterruptedException {
        LauncherOptions options;
        try {
            options = LauncherOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(LauncherOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(LauncherOptions.USAGE);
            return;
        }
        Path root = findRepositoryRoot();
        StackConfig config = StackConfig.defaults(root);
        if (options.stateDir() != null) {
            config = config.withStateDir(options.stateDir());
        }
        if (options.infraOnly()) {
            config = config.infraOnly();
        }
        if (options.fresh()) {
            wipe(config.stateDir(), root);
        }
        LauncherLogging.toFile(config.logDir().resolve(LAUNCHER_LOG));

        HearthStack stack;
        try {
            stack = start(config);
        } catch (RuntimeException e) {
            System.err.println("[hearth] start failed, everything stopped: " + e.getMessage());
            System.exit(1);
            return;
        }
        Thread stopper = new Thread(() -> {
            say("stopping...");
            stack.close();
            say("stopped; data kept in %s", stack.config().stateDir());
        }, "hearth-shutdown");
        Runtime.getRuntime().addShutdownHook(stopper);
        System.out.println();
        System.out.println(stack.describe());
        System.out.println("Ctrl-C stops everything.");
        watch(stack);
    }

    /** Runs until the JVM is asked to stop, reporting a service that dies meanwhile. */
    private static void watch(HearthStack stack) throws InterruptedException {
        List<HearthService> reported = new ArrayList<>();
        Object forever = new Object();
        synchronized (forever) {
            while (true) {
                forever.wait(Duration.ofSeconds(2).toMillis());
                for (HearthService service : stack.exitedServices()) {
                    // While stopping, services exit because we asked them to: nothing to report.
                    if (!stack.closed.get() && !reported.contains(service)) {
                        reported.add(service);
                        say("%s exited; see %s", service.id(), stack.logFile(service));
                    }
                }
            }
        }
    }

    private static void wipe(Path stateDir, Path root) {
        if (root.startsWith(stateDir)) {
            throw new IllegalArgumentException("Refusing to wipe " + stateDir + ": it contains the repository");
        }
        say("--fresh: deleting %s", stateDir);
        FileTrees.delete(stateDir);
    }

    /**
     * The repository root: the {@value #REPOSITORY_ROOT_PROPERTY} system property, else the nearest directory at or
     * above the working directory that holds the launcher script.
     */
    public static Path findRepositoryRoot() {
        String explicit = System.getProperty(REPOSITORY_ROOT_PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath().normalize();
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(LAUNCHER_SCRIPT)) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No Hearth repository at or above " + start + "; run from the checkout or set -D"
                + REPOSITORY_ROOT_PROPERTY);
    }

    private static String since(long startNanos) {
        return String.format("%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }

    private static void say(String format, Object... args) {
        System.out.println("[hearth] " + String.format(format, args));
    }
}
