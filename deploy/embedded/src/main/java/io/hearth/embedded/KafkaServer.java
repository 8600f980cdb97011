package io.hearth.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

/**
 * A real Kafka broker and KRaft controller in one node, in this JVM, from the Kafka jars. Its log directory is kept
 * across restarts, so the topics and their records survive. A fault test can {@link #stop()} it and
 * {@link #startAgain()} it on the same port, as a broker outage would look to the services.
 */
public final class KafkaServer implements AutoCloseable {
    /** Fixed so that a kept log directory formatted by an earlier run is accepted again. */
    private static final String CLUSTER_ID = "hearth-local-kraft-01";
    public static final int PARTITIONS = 3;

    private final Path logDir;
    private final int port;
    private final int controllerPort;
    /** Null while stopped. */
    private EmbeddedKafkaBroker broker;

    private KafkaServer(Path logDir, int port, int controllerPort) {
        this.logDir = logDir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** Starts the broker on {@code port} (0 picks a free one) with its data in {@code logDir}. */
    public static KafkaServer start(Path logDir, int port) {
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        KafkaServer server = new KafkaServer(logDir, port > 0 ? port : freePort(), freePort());
        server.startAgain();
        return server;
    }

    /**
     * Starts the broker after {@link #stop()}, on the same ports with the same log directory: topics, records and
     * committed offsets are as they were. Does nothing if it runs.
     */
    public synchronized void startAgain() {
        if (broker != null) {
            return;
        }
        EmbeddedKafkaBroker starting = new EmbeddedKafkaBroker()
                .withKafkaHost("127.0.0.1")
                .withKafkaPort(port)
                .withControllerPort(controllerPort)
                .withClusterId(CLUSTER_ID)
                .withDeleteLogDirsOnClose(false)
                .withAdditionalProperties(p -> {
                    p.put("log.dirs", logDir.toAbsolutePath().toString());
                    p.put("num.partitions", String.valueOf(PARTITIONS));
                    // Keep every event: analytics rebuilds its projections by replaying topics from the beginning.
                    p.put("log.retention.ms", "-1");
                    // After a restart the controller waits for the previous broker's session to expire before
                    // it lets the broker in again: 9 s by default, 2 s here (one node, nobody else to fail over to).
                    p.put("broker.session.timeout.ms", "2000");
                    p.put("broker.heartbeat.interval.ms", "500");
                });
        starting.start();
        broker = starting;
    }

    /** Stops the broker, as an outage would: clients lose it until {@link #startAgain()}; its data stays. */
    public synchronized void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    public synchronized boolean isRunning() {
        return broker != null;
    }

    public int port() {
        return port;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Creates the topics that do not exist yet. */
    public void ensureTopics(Collection<String> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, PARTITIONS, (short) 1)).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot create topics " + topics, e.getCause());
        }
    }

    @Override
    public void close() {
        stop();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
