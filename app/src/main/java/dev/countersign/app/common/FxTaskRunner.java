package dev.countersign.app.common;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs work on daemon threads and hands results to the JavaFX application thread: the only user of runLater. */
public final class FxTaskRunner implements TaskRunner {
    private static final Logger LOG = LoggerFactory.getLogger(FxTaskRunner.class);

    private final ExecutorService workers = Executors.newCachedThreadPool(daemon("countersign-task"));
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(daemon("countersign-timer"));

    @Override
    public <T> void run(String name, Work<T> work, Consumer<? super T> onSuccess,
            Consumer<? super Exception> onFailure) {
        try {
            workers.execute(() -> {
                T result;
                try {
                    result = work.call();
                } catch (Exception e) {
                    LOG.debug("task '{}' failed: {}", name, e.toString());
                    Platform.runLater(() -> onFailure.accept(e));
                    return;
                } catch (Error e) {
                    LOG.error("task '{}' failed badly", name, e);
                    Platform.runLater(() -> onFailure.accept(new IllegalStateException(e.toString(), e)));
                    return;
                }
                Platform.runLater(() -> onSuccess.accept(result));
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("task '{}' not started: the console is closing", name);
        }
    }

    @Override
    public Cancellable every(Duration period, Runnable onUiThread) {
        long millis = Math.max(1, period.toMillis());
        ScheduledFuture<?> future = timer.scheduleWithFixedDelay(() -> Platform.runLater(onUiThread),
                millis, millis, TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        workers.shutdownNow();
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
