package io.hearth.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.hearth.embedded.HearthService;

/**
 * What the benchmark learns about the service processes from outside: their pid (the child JVM running the service's
 * jar), how long each took from launch to a 200 from /q/health/ready, and their resident memory.
 * {@link #watchStart} polls while HearthStack starts them all at once, since the stack only reports when the last
 * is ready.
 */
final class ServiceProcesses {
    private static final Duration POLL = Duration.ofMillis(100);

    private final Path repositoryRoot;
    private final Map<HearthService, URI> urls;
    private final Map<HearthService, ProcessHandle> processes = new ConcurrentHashMap<>();
    private final Map<HearthService, Duration> startTimes = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).build();
    private volatile boolean watching;
    private Thread watcher;

    ServiceProcesses(Path repositoryRoot, Map<HearthService, URI> urls) {
        this.repositoryRoot = repositoryRoot;
        this.urls = urls;
    }

    /** Starts polling for the services' processes and readiness, in the background. */
    void watchStart() {
        watching = true;
        watcher = new Thread(this::poll, "bench-start-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Stops polling; services not seen ready by then keep no start time. */
    void stopWatching() {
        watching = false;
        try {
            watcher.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void poll() {
        while (watching && startTimes.size() < urls.size()) {
            for (HearthService service : urls.keySet()) {
                if (startTimes.containsKey(service)) {
                    continue;
                }
                Optional<ProcessHandle> process = Optional.ofNullable(processes.get(service))
                        .or(() -> find(service));
                process.ifPresent(p -> processes.put(service, p));
                if (process.isPresent() && ready(urls.get(service))) {
                    Instant launched = process.get().info().startInstant().orElseThrow();
                    startTimes.put(service, Duration.between(launched, Instant.now()));
                }
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The child JVM of this one that runs the service's jar. */
    Optional<ProcessHandle> find(HearthService service) {
        String jar = service.runJar(repositoryRoot).toString();
        return ProcessHandle.current().children()
                .filter(p -> p.info().arguments().map(args -> List.of(args).contains(jar)).orElse(false))
                .findFirst();
    }

    boolean ready(URI baseUrl) {
        try {
            HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve("/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    Map<HearthService, Duration> startTimes() {
        return new EnumMap<>(startTimes);
    }

    Optional<ProcessHandle> process(HearthService service) {
        return Optional.ofNullable(processes.get(service)).or(() -> find(service));
    }

    /** Resident memory of each service in MB (VmRSS from /proc). */
    Map<HearthService, Double> residentMb() {
        Map<HearthService, Double> rss = new EnumMap<>(HearthService.class);
        for (HearthService service : urls.keySet()) {
            process(service).ifPresent(p -> rss.put(service, residentMb(p.pid())));
        }
        return rss;
    }

    static double residentMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // The process may just have exited: no figure rather than a failed run.
        }
        return Double.NaN;
    }
}
