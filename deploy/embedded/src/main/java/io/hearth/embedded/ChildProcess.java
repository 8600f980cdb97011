package io.hearth.embedded;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A server started as a child process (Keycloak, a Hearth service), its output appended to a log file. Readiness is an
 * HTTP URL answering 200; a failure to start reports the log's tail, which is where the reason is.
 */
public final class ChildProcess implements AutoCloseable {
    private static final Duration POLL_INTERVAL = Duration.ofMillis(300);
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(30);
    private static final int TAIL_LINES = 60;

    private final String name;
    private final Process process;
    private final Path logFile;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ChildProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    /** Starts {@code command} in {@code workDir} with {@code env} added to this JVM's environment. */
    public static ChildProcess launch(String name, List<String> command, Map<String, String> env, Path workDir,
            Path logFile) {
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            // Logs are appended across restarts; the header tells the runs apart.
            Files.writeString(logFile, "=== " + Instant.now() + " starting " + name + ": " + String.join(" ", command)
                    + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    // Nobody writes to a server's stdin.
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(env);
            return new ChildProcess(name, builder.start(), logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name + ": " + command, e);
        }
    }

    /**
     * Waits until {@code url} answers 200. Fails, with the log's tail, if the process exits first or {@code timeout}
     * passes; the process is left running so that the caller decides what to stop.
     */
    public void awaitHttpOk(URI url, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new StartupFailedException(name + " exited with code " + process.exitValue()
                        + " before " + url + " answered. Last lines of " + logFile + ":\n" + logTail());
            }
            if (answersOk(url)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new StartupFailedException(name + ": " + url + " did not answer 200 within " + timeout
                        + ". Last lines of " + logFile + ":\n" + logTail());
            }
            try {
                // Waiting on the process doubles as the poll interval and notices an early exit at once.
                process.waitFor(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartupFailedException("Interrupted while waiting for " + name);
            }
        }
    }

    private boolean answersOk(URI url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    /** The last lines of the log, for error messages. */
    public String logTail() {
        if (!Files.exists(logFile)) {
            return "(no log yet)";
        }
        Deque<String> tail = new ArrayDeque<>(TAIL_LINES);
        try (Stream<String> lines = Files.lines(logFile, StandardCharsets.UTF_8)) {
            lines.forEach(line -> {
                if (tail.size() == TAIL_LINES) {
                    tail.removeFirst();
                }
                tail.addLast(line);
            });
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + logFile + ": " + e.getMessage() + ")";
        }
        return String.join("\n", tail);
    }

    /**
     * Kills the process and whatever it started at once, as a crash would: {@link Process#destroyForcibly()} sends
     * SIGKILL on Linux, so no shutdown hook runs and nothing is flushed. Returns the exit status once the process is
     * gone (137, 128 + SIGKILL, unless it had exited before).
     */
    public int kill() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while killing " + name, e);
        }
    }

    /** Stops the process and whatever it started: SIGTERM first so servers shut down cleanly, then SIGKILL. */
    @Override
    public void close() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(GRACEFUL_STOP.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
            process.waitFor(GRACEFUL_STOP.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** A server that did not come up; the message carries its log's tail. */
    public static final class StartupFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public StartupFailedException(String message) {
            super(message);
        }
    }
}
