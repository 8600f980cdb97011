package io.hearth.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server from the zonky binaries artifact, on 127.0.0.1. zonky's launcher runs initdb and the
 * server under {@code unshare -U} when we are root, which PostgreSQL otherwise refuses. A fault test can
 * {@link #stop()} it and {@link #startAgain()} it on the same port and data directory, as a database restart.
 */
public final class PostgresServer implements AutoCloseable {
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final Path dataDir;
    private final int port;
    /** Null while stopped. */
    private EmbeddedPostgres postgres;

    private PostgresServer(Path dataDir, EmbeddedPostgres postgres) {
        this.dataDir = dataDir;
        this.port = postgres.getPort();
        this.postgres = postgres;
    }

    /**
     * Starts a server whose data lives in {@code dataDir} (kept across restarts), listening on {@code port}
     * (0 picks a free one).
     */
    public static PostgresServer start(Path dataDir, int port) {
        return new PostgresServer(dataDir, launch(dataDir, port));
    }

    private static EmbeddedPostgres launch(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200");
            if (port > 0) {
                builder.setPort(port);
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start in " + dataDir, e);
        }
    }

    /**
     * Stops the server (pg_ctl's fast mode: open transactions are rolled back, clients disconnected), as a database
     * restart would look to its clients; the data stays for {@link #startAgain()}.
     */
    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
            postgres = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server after {@link #stop()}, on the same port with the same data. Does nothing if it runs. */
    public synchronized void startAgain() {
        if (postgres == null) {
            postgres = launch(dataDir, port);
        }
    }

    public synchronized boolean isRunning() {
        return postgres != null;
    }

    public int port() {
        return port;
    }

    /** Creates the database unless it exists; each service owns one. */
    public synchronized void ensureDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        if (postgres == null) {
            throw new IllegalStateException("PostgreSQL is stopped");
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name, e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The URL form the Vert.x reactive PostgreSQL client takes. */
    public String reactiveUrl(String database) {
        return "postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() {
        stop();
    }
}
