package io.hearth.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import io.hearth.embedded.KafkaServer;
import io.hearth.embedded.PostgresServer;

/** The raw ceilings of the very servers Hearth runs on: Kafka's producer tool and single-row inserts. */
final class Ceilings {
    static final String INSERT_DATABASE = "bench_ceiling";
    private static final String CEILING_TOPIC = "bench.ceiling";
    private static final Pattern PRODUCER_SUMMARY = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec "
            + "\\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, ([\\d.]+) ms max latency, (\\d+) ms 50th, "
            + "(\\d+) ms 95th, (\\d+) ms 99th");
    private static final Pattern PGBENCH_TPS = Pattern.compile("tps = ([\\d.]+)");
    private static final Pattern PGBENCH_LATENCY = Pattern.compile("latency average = ([\\d.]+) ms");

    /** Kafka's ProducerPerformance: records/s and its latency percentiles in ms. */
    record Producer(long records, int recordSize, double perSecond, double mbPerSecond, double p50Ms, double p99Ms) {
    }

    /** Single-row INSERT transactions per second; {@code tool} says whether pgbench or the JDBC loop measured it. */
    record Inserts(String tool, int clients, double seconds, double perSecond, double avgLatencyMs) {
    }

    private Ceilings() {
    }

    /**
     * Runs org.apache.kafka.tools.ProducerPerformance in its own JVM (this one hosts the broker) against a topic with
     * the partitions of Hearth's topics; acks=all and idempotence on, as Hearth's producers.
     */
    static Producer kafkaProducer(String bootstrap, long records, int recordSize, Path logDir) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            if (!admin.listTopics().names().get().contains(CEILING_TOPIC)) {
                admin.createTopics(List.of(new NewTopic(CEILING_TOPIC, KafkaServer.PARTITIONS, (short) 1))).all()
                        .get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot create " + CEILING_TOPIC, e.getCause());
        }
        List<String> command = List.of(javaBinary(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "org.apache.kafka.tools.ProducerPerformance",
                "--topic", CEILING_TOPIC,
                "--num-records", String.valueOf(records),
                "--record-size", String.valueOf(recordSize),
                "--throughput", "-1",
                "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all", "enable.idempotence=true");
        String output = runTool("kafka-producer-perf", command, Map.of(), logDir, Duration.ofMinutes(3));
        // The tool prints interim lines in the same shape; the final summary is the last match.
        MatchResult found = lastMatch(PRODUCER_SUMMARY, output);
        if (found == null) {
            throw new IllegalStateException("ProducerPerformance printed no summary; see " + logDir
                    .resolve("kafka-producer-perf.log"));
        }
        return new Producer(Long.parseLong(found.group(1)), recordSize, Double.parseDouble(found.group(2)),
                Double.parseDouble(found.group(3)), Double.parseDouble(found.group(6)),
                Double.parseDouble(found.group(8)));
    }

    /** pgbench with a custom script of one single-row INSERT, or a JDBC loop with as many connections without it. */
    static Inserts inserts(PostgresServer postgres, int clients, Duration duration, Path logDir) {
        postgres.ensureDatabase(INSERT_DATABASE);
        String url = postgres.jdbcUrl(INSERT_DATABASE);
        try (Connection connection = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
                Statement statement = connection.createStatement()) {
            // About the width of a Hearth row: a uuid, a short text, a timestamp.
            statement.execute("create table if not exists insert_ceiling (id bigserial primary key, "
                    + "community_id uuid not null, body text not null, created_at timestamptz not null default now())");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare " + INSERT_DATABASE, e);
        }
        if (pgbenchInstalled()) {
            return pgbench(postgres, clients, duration, logDir);
        }
        return jdbcLoop(url, clients, duration);
    }

    private static Inserts pgbench(PostgresServer postgres, int clients, Duration duration, Path logDir) {
        try {
            Path script = Files.writeString(logDir.resolve("insert-ceiling.sql"),
                    "insert into insert_ceiling (community_id, body) values (gen_random_uuid(), repeat('x', 200));\n");
            List<String> command = List.of("pgbench", "-n", "-M", "prepared",
                    "-c", String.valueOf(clients), "-j", String.valueOf(Math.min(clients,
                            Runtime.getRuntime().availableProcessors())),
                    "-T", String.valueOf(duration.toSeconds()), "-f", script.toString(),
                    "-h", "127.0.0.1", "-p", String.valueOf(postgres.port()), "-U", PostgresServer.USER,
                    INSERT_DATABASE);
            String output = runTool("pgbench", command, Map.of("PGPASSWORD", PostgresServer.PASSWORD), logDir,
                    duration.plusMinutes(1));
            MatchResult tps = lastMatch(PGBENCH_TPS, output);
            MatchResult latency = lastMatch(PGBENCH_LATENCY, output);
            if (tps == null) {
                throw new IllegalStateException("pgbench printed no tps; see " + logDir.resolve("pgbench.log"));
            }
            return new Inserts("pgbench", clients, duration.toSeconds(), Double.parseDouble(tps.group(1)),
                    latency == null ? Double.NaN : Double.parseDouble(latency.group(1)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Inserts jdbcLoop(String url, int clients, Duration duration) {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + duration.toNanos();
        try {
            List<Future<Long>> counts = new ArrayList<>();
            long start = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                counts.add(pool.submit(() -> {
                    long n = 0;
                    try (Connection connection = DriverManager.getConnection(url, PostgresServer.USER,
                            PostgresServer.PASSWORD);
                            PreparedStatement insert = connection.prepareStatement(
                                    "insert into insert_ceiling (community_id, body) values (?, repeat('x', 200))")) {
                        while (System.nanoTime() < end) {
                            insert.setObject(1, UUID.randomUUID());
                            insert.executeUpdate();
                            n++;
                        }
                    }
                    return n;
                }));
            }
            long total = 0;
            for (Future<Long> count : counts) {
                total += count.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Inserts("JDBC loop (pgbench not installed)", clients, seconds, total / seconds,
                    clients * seconds * 1000 / Math.max(1, total));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("JDBC insert loop failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean pgbenchInstalled() {
        try {
            Process process = new ProcessBuilder("pgbench", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs a tool to completion, its output kept in logDir/&lt;name&gt;.log, and returns that output. */
    private static String runTool(String name, List<String> command, Map<String, String> env, Path logDir,
            Duration timeout) {
        Path log = logDir.resolve(name + ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " did not finish within " + timeout + "; see " + log);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The groups of the last match of {@code pattern} in {@code text}, or null. */
    private static MatchResult lastMatch(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        MatchResult last = null;
        while (matcher.find()) {
            last = matcher.toMatchResult();
        }
        return last;
    }
}
