package io.hearth.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import io.hearth.contracts.events.Topics;
import io.hearth.embedded.KafkaServer;
import io.hearth.embedded.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a real PostgreSQL and a real Kafka broker (the embedded stack's own servers) for a service's tests, once
 * per test JVM, and points the service at them.
 */
public class HearthTestResource implements QuarkusTestResourceLifecycleManager {
    private static final String DATABASE = "hearth_test";

    private static PostgresServer postgres;
    private static KafkaServer kafka;

    @Override
    public synchronized Map<String, String> start() {
        if (postgres == null) {
            Path state = tempDir();
            postgres = PostgresServer.start(state.resolve("postgres"), 0);
            postgres.ensureDatabase(DATABASE);
            kafka = KafkaServer.start(state.resolve("kafka"), 0);
            kafka.ensureTopics(List.of(Topics.MEMBERSHIP, Topics.CONTENT, Topics.ACTIVITY, Topics.MONETIZATION));
        }
        return Map.of(
                "quarkus.datasource.reactive.url", postgres.reactiveUrl(DATABASE),
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(DATABASE),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", PostgresServer.PASSWORD,
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                // Tokens from TestTokens, verified by quarkus-oidc against its key; no Keycloak in service tests.
                "quarkus.oidc.auth-server-url", "",
                "quarkus.oidc.public-key", TestTokens.publicKey(),
                "quarkus.oidc.token.issuer", TestTokens.ISSUER);
    }

    @Override
    public synchronized void stop() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    /** A JDBC connection to the service's test database, for tests that check what a service stored. */
    public static Connection openDatabase() throws SQLException {
        return DriverManager.getConnection(running().jdbcUrl(DATABASE), PostgresServer.USER, PostgresServer.PASSWORD);
    }

    /** The JDBC URL of the service's test database, for a second client of it (another instance's view). */
    public static String jdbcUrl() {
        return running().jdbcUrl(DATABASE);
    }

    /** Stops the database, as an outage would; {@link #startDatabase()} brings it back on the same port and data. */
    public static synchronized void stopDatabase() {
        running().stop();
    }

    /** Starts the database again after {@link #stopDatabase()}; does nothing while it runs. */
    public static synchronized void startDatabase() {
        if (!running().isRunning()) {
            postgres.startAgain();
        }
    }

    private static PostgresServer running() {
        if (postgres == null) {
            throw new IllegalStateException("HearthTestResource has not started");
        }
        return postgres;
    }

    /** The bootstrap servers of the running broker, for {@link KafkaEvents}. */
    public static String bootstrapServers() {
        if (kafka == null) {
            throw new IllegalStateException("HearthTestResource has not started");
        }
        return kafka.bootstrapServers();
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("hearth-test-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
