package io.hearth.membership;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs requests at the same moment, each on its own thread, to make them race inside the service. */
final class Concurrently {
    private Concurrently() {
    }

    /** Starts every request together once all threads are ready, and returns their results in the given order. */
    static <T> List<T> run(List<Callable<T>> requests) {
        ExecutorService threads = Executors.newFixedThreadPool(requests.size());
        CountDownLatch ready = new CountDownLatch(requests.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> results = new ArrayList<>();
            for (Callable<T> request : requests) {
                results.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return request.call();
                }));
            }
            ready.await();
            go.countDown();
            List<T> values = new ArrayList<>();
            for (Future<T> result : results) {
                values.add(result.get(60, TimeUnit.SECONDS));
            }
            return values;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("A concurrent request failed", e);
        } finally {
            threads.shutdownNow();
        }
    }
}
