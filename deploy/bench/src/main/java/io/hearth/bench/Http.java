package io.hearth.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plain calls for setting up (not measured): send, expect, retry until a replica has caught up. */
final class Http {
    private static final HttpClient CLIENT = Load.client();
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private Http() {
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpRequest post(URI uri, String token, String json) {
        return Load.request(uri, token).POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    static HttpRequest get(URI uri, String token) {
        return Load.request(uri, token).GET().build();
    }

    /** Sends and fails unless the answer is {@code status}; returns the body. */
    static String expect(HttpRequest request, int status) {
        HttpResponse<String> response = send(request);
        if (response.statusCode() != status) {
            throw new IllegalStateException(request.method() + " " + request.uri() + ": expected " + status
                    + ", got " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /** Resends until the answer is {@code status} (another service's replica catching up); returns the body. */
    static String awaitStatus(HttpRequest request, int status, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            HttpResponse<String> response = send(request);
            if (response.statusCode() == status) {
                return response.body();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(request.method() + " " + request.uri() + ": still "
                        + response.statusCode() + " after " + timeout + ": " + response.body());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The "id" field of a JSON answer (the first one: a resource's own id comes first). */
    static String id(String json) {
        Matcher matcher = ID.matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("No id in " + json);
        }
        return matcher.group(1);
    }

    /** Runs task(0..n-1) on {@code threads} threads and returns the results in order. */
    static <T> List<T> parallel(int threads, int n, IntFunction<T> task) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> task.apply(index)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
