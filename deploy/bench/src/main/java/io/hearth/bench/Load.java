package io.hearth.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * The load generator: JDK HttpClient over HTTP/1.1, one client (so one keep-alive connection) per worker thread of a
 * fixed pool. Closed loop ({@link #closed}: each worker sends its next request as soon as the last one answered) for
 * the write routes; open loop ({@link #paced}: request i is due at start + i / rate) for the steady pipeline run.
 */
final class Load {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** What to send: request i, or null when there is nothing left. {@link #answered} sees every answer. */
    interface Route {
        HttpRequest request(long i);

        default void answered(long i, HttpResponse<String> response, Instant at) {
        }
    }

    /**
     * @param ok          2xx answers inside the measured window
     * @param errors      other answers (by status; -1 for no answer) inside the window
     * @param seconds     the measured window
     * @param latencies   of every request that started and ended inside the window, answered or not
     * @param exhausted   the route ran out of requests before the window ended
     */
    record Result(String name, int connections, long ok, Map<Integer, Long> errors, double seconds,
            Latencies latencies, boolean exhausted) {
        long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }

        double perSecond() {
            return seconds > 0 ? ok / seconds : 0;
        }

        String errorSummary() {
            if (errors.isEmpty()) {
                return "0";
            }
            StringBuilder text = new StringBuilder().append(errorCount()).append(" (");
            errors.forEach((status, n) -> text.append(status < 0 ? "no answer" : status).append(" x").append(n)
                    .append(", "));
            text.setLength(text.length() - 2);
            return text.append(')').toString();
        }
    }

    private Load() {
    }

    /**
     * {@code connections} workers send back to back for {@code warmUp} (not counted: the services' JIT warms up) and
     * then {@code measure}, or until the route runs out.
     */
    static Result closed(String name, Route route, int connections, Duration warmUp, Duration measure) {
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime();
        long windowStart = start + warmUp.toNanos();
        long windowEnd = windowStart + measure.toNanos();
        AtomicLong lastEnd = new AtomicLong(windowStart);
        AtomicLong exhaustedAt = new AtomicLong(Long.MAX_VALUE);
        Recorder recorder = new Recorder();
        run(connections, client -> {
            LongList mine = recorder.list();
            while (System.nanoTime() < windowEnd) {
                long i = next.getAndIncrement();
                HttpRequest request = route.request(i);
                if (request == null) {
                    exhaustedAt.accumulateAndGet(System.nanoTime(), Math::min);
                    return;
                }
                long t0 = System.nanoTime();
                int status = send(client, route, i, request);
                long t1 = System.nanoTime();
                if (t0 >= windowStart && t1 <= windowEnd) {
                    mine.add(t1 - t0);
                    recorder.count(status);
                    lastEnd.accumulateAndGet(t1, Math::max);
                }
            }
        });
        boolean exhausted = exhaustedAt.get() < windowEnd;
        long end = exhausted ? Math.max(windowStart, lastEnd.get()) : windowEnd;
        return recorder.result(name, connections, (end - windowStart) / 1e9, exhausted);
    }

    /**
     * {@code workers} threads send request i at start + i / rate, for {@code duration}; late ones go at once, so a
     * service slower than the rate shows as a lower achieved rate.
     */
    static Result paced(String name, Route route, int workers, double rate, Duration duration) {
        AtomicLong next = new AtomicLong();
        long periodNanos = (long) (1e9 / rate);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        AtomicLong lastEnd = new AtomicLong(start);
        Recorder recorder = new Recorder();
        run(workers, client -> {
            LongList mine = recorder.list();
            while (true) {
                long i = next.getAndIncrement();
                long due = start + i * periodNanos;
                // Behind schedule, late requests go at once, but none after the end: the run lasts its duration.
                if (due >= end || System.nanoTime() >= end) {
                    return;
                }
                HttpRequest request = route.request(i);
                if (request == null) {
                    return;
                }
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                long t0 = System.nanoTime();
                int status = send(client, route, i, request);
                long t1 = System.nanoTime();
                mine.add(t1 - t0);
                recorder.count(status);
                lastEnd.accumulateAndGet(t1, Math::max);
            }
        });
        return recorder.result(name, workers, (lastEnd.get() - start) / 1e9, false);
    }

    private static int send(HttpClient client, Route route, long i, HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            route.answered(i, response, Instant.now());
            return response.statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    static HttpRequest.Builder request(java.net.URI uri, String token) {
        return HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Accept", "application/json");
    }

    private interface Worker {
        void run(HttpClient client) throws Exception;
    }

    private static void run(int threads, Worker worker) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(pool.submit(() -> {
                    worker.run(client());
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> future : running) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("A load worker failed", e.getCause());
        } finally {
            pool.shutdownNow();
            try {
                pool.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Per-thread latency lists (no contention while sending), shared counters by status. */
    private static final class Recorder {
        private final List<LongList> lists = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final LongAdder ok = new LongAdder();
        private final Map<Integer, LongAdder> errors = new ConcurrentHashMap<>();

        LongList list() {
            LongList list = new LongList();
            lists.add(list);
            return list;
        }

        void count(int status) {
            if (status >= 200 && status < 300) {
                ok.increment();
            } else {
                errors.computeIfAbsent(status, s -> new LongAdder()).increment();
            }
        }

        Result result(String name, int connections, double seconds, boolean exhausted) {
            Map<Integer, Long> byStatus = new TreeMap<>();
            errors.forEach((status, n) -> byStatus.put(status, n.sum()));
            return new Result(name, connections, ok.sum(), byStatus, seconds,
                    new Latencies(LongList.concat(lists)), exhausted);
        }
    }
}
