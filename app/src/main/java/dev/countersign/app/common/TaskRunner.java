package dev.countersign.app.common;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * The one way to do work that may block (network, signing, files): the work runs off the UI thread and its result
 * or failure is handed back on the UI thread. {@link FxTaskRunner} does this for the console; {@link SyncTaskRunner}
 * runs everything at once on the caller's thread, for tests of view models.
 */
public interface TaskRunner extends AutoCloseable {

    /** Work that may block and may fail. */
    @FunctionalInterface
    interface Work<T> {
        T call() throws Exception;
    }

    /** Something scheduled that can be stopped. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }

    /**
     * Runs {@code work} in the background; exactly one of the callbacks is then called on the UI thread.
     *
     * @param name a short name for logs and thread names, never containing secrets
     */
    <T> void run(String name, Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure);

    /** Calls {@code onUiThread} on the UI thread every {@code period}, first after one period, until cancelled. */
    Cancellable every(Duration period, Runnable onUiThread);

    /** Stops the background threads; work still running is abandoned. */
    @Override
    void close();
}
