package dev.countersign.model.bundle;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Maps a list on a few threads in chunks, keeping the order, and stops when the caller cancels. */
final class Parallel {
    /** Items per task: large enough to amortize, small enough to balance. */
    private static final int CHUNK = 128;

    private Parallel() {}

    /** @param each called after each item, from the thread that did it */
    static <T, R> List<R> map(List<T> items, int threads, Function<T, R> function, BundleProgress progress,
            Runnable each) {
        if (threads <= 1 || items.size() <= CHUNK) {
            return chunk(items, function, progress, each);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "countersign-bundle");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<List<R>>> futures = new ArrayList<>();
            for (int from = 0; from < items.size(); from += CHUNK) {
                List<T> part = items.subList(from, Math.min(items.size(), from + CHUNK));
                futures.add(pool.submit(() -> chunk(part, function, progress, each)));
            }
            List<R> results = new ArrayList<>(items.size());
            for (Future<List<R>> future : futures) {
                results.addAll(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T, R> List<R> chunk(List<T> items, Function<T, R> function, BundleProgress progress,
            Runnable each) {
        List<R> results = new ArrayList<>(items.size());
        for (T item : items) {
            if (progress.cancelled()) {
                throw new CancellationException("cancelled");
            }
            results.add(function.apply(item));
            each.run();
        }
        return results;
    }
}
