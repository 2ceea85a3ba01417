package dev.countersign.app.common;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs work at once on the caller's thread, for tests of view models. Periodic work runs only when {@link #tick()}
 * is called, so a test decides when "time passes".
 */
public final class SyncTaskRunner implements TaskRunner {
    private final List<Runnable> periodic = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    @Override
    public <T> void run(String name, Work<T> work, Consumer<? super T> onSuccess,
            Consumer<? super Exception> onFailure) {
        names.add(name);
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public Cancellable every(Duration period, Runnable onUiThread) {
        periodic.add(onUiThread);
        return () -> periodic.remove(onUiThread);
    }

    /** Runs every periodic task once. */
    public void tick() {
        List.copyOf(periodic).forEach(Runnable::run);
    }

    public int periodicCount() {
        return periodic.size();
    }

    /** The names of the tasks run so far, oldest first. */
    public List<String> taskNames() {
        return List.copyOf(names);
    }

    @Override
    public void close() {
        periodic.clear();
    }
}
