package dev.countersign.app.bench;

import atlantafx.base.theme.PrimerLight;
import dev.countersign.app.AppComposition;
import dev.countersign.app.cache.ConsoleCache;
import dev.countersign.app.cache.InspectedCacheFile;
import dev.countersign.app.common.Chips;
import dev.countersign.app.common.FxTaskRunner;
import dev.countersign.app.common.Messages;
import dev.countersign.app.common.TimeTexts;
import dev.countersign.app.common.UserErrors;
import dev.countersign.app.queue.QueueTexts;
import dev.countersign.app.queue.QueueView;
import dev.countersign.app.queue.QueueViewModel;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The child JVM of {@link OfflineConsoleBenchmark}: starts as a console starts (JavaFX toolkit, AtlantaFX theme, the
 * queue view in a window, the cache opened in the background and its summaries loaded into the queue), and reports
 * when the queue is usable: every summary is a row and the table has been laid out once. Then it measures memory after
 * a GC, and filter keystrokes against the full queue. Prints {@code bench.<key>=<value>} lines on stdout.
 *
 * <p>Arguments: the cache stem, the query typed, how many times it is typed.
 */
public final class ColdStartProbe {
    private ColdStartProbe() {}

    public static void main(String[] args) throws Exception {
        long mainEntryMillis = System.currentTimeMillis();
        long mainEntryNanos = System.nanoTime();
        InspectedCacheFile.prepareInBackground(); // as Launcher does
        Path stem = Path.of(args[0]);
        String query = args[1];
        int typings = Integer.parseInt(args[2]);

        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        CompletableFuture<Usable> usable = new CompletableFuture<>();
        FxTaskRunner runner = new FxTaskRunner();
        Platform.runLater(() -> {
            try {
                startConsole(stem, runner, mainEntryNanos, usable);
            } catch (RuntimeException e) {
                usable.completeExceptionally(e);
            }
        });
        Usable u = usable.get(5, TimeUnit.MINUTES);
        long usableMillis = mainEntryMillis + (u.usableNanos - mainEntryNanos) / 1_000_000;

        out("processStartMillis", ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli());
        out("jvmStartMillis", ManagementFactory.getRuntimeMXBean().getStartTime());
        out("mainEntryMillis", mainEntryMillis);
        out("usableMillis", usableMillis);
        out("openCacheToUsableMs", ms(u.usableNanos - u.openCacheNanos));
        out("toolkitMs", ms(u.toolkitNanos - mainEntryNanos));
        out("readCacheMs", ms(u.loadedNanos - u.openCacheNanos));
        out("layoutMs", ms(u.usableNanos - u.loadedNanos));
        out("rows", u.rows);
        int expected = u.cache.proposals().size();
        while (onFx(() -> u.vm.rows().size()) < expected) {
            Thread.sleep(5);
        }
        long allNanos = System.nanoTime();
        out("allRowsMs", ms(allNanos - mainEntryNanos) + " (" + expected + " rows, from main())");

        System.gc();
        Thread.sleep(200);
        System.gc();
        Runtime rt = Runtime.getRuntime();
        out("heapUsedMb", (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
        out("heapCommittedMb", rt.totalMemory() / (1024 * 1024));
        out("rssMb", rssKb() / 1024);

        List<Double> filterOnly = new ArrayList<>();
        List<Double> keystrokes = onFx(() -> typeQuery(u, query, typings, filterOnly));
        out("keystrokeMs", joined(keystrokes));
        out("keystrokeFilterOnlyMs", joined(filterOnly));
        out("visibleAfterQuery", onFx(() -> u.vm.visibleRows().size()));
        out("rssAfterFilterMb", rssKb() / 1024);

        // the same load again, warm, on one thread: the cache read alone, then the read and the rows together
        long t0 = System.nanoTime();
        int read = u.cache.proposals().summaries().size();
        out("warmSummariesMs", ms(System.nanoTime() - t0) + " (" + read + ")");
        out("warmLoadIntoModelMs", onFx(() -> {
            QueueViewModel again = new QueueViewModel(new dev.countersign.app.common.SyncTaskRunner(),
                    Clock.systemUTC(), u.vm.texts(), new UserErrors(Messages.load(Locale.ENGLISH)), Runnable::run);
            long start = System.nanoTime();
            again.open(u.cache.proposals(), u.cache.outbox(), () -> { });
            return ms(System.nanoTime() - start);
        }));

        runner.close();
        Platform.runLater(() -> u.stage.close());
        u.cache.close();
        Platform.exit();
    }

    private record Usable(QueueViewModel vm, QueueView view, Stage stage, ConsoleCache cache, int rows,
            long toolkitNanos, long openCacheNanos, long loadedNanos, long usableNanos) {}

    /** On the FX thread: what CountersignApp.start and AppComposition do for the queue, then ConsoleViewModel.start. */
    private static void startConsole(Path stem, FxTaskRunner runner, long mainEntryNanos,
            CompletableFuture<Usable> usable) {
        long toolkit = System.nanoTime();
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Messages messages = Messages.load(Locale.ENGLISH);
        TimeTexts time = new TimeTexts(messages, ZoneId.systemDefault());
        QueueViewModel vm = new QueueViewModel(runner, Clock.systemUTC(), new QueueTexts(messages, time),
                new UserErrors(messages), Platform::runLater);
        QueueView view = new QueueView(vm, messages, new Chips(messages));
        Scene scene = new Scene(view, 1280, 800);
        scene.getStylesheets().add(AppComposition.class.getResource("app.css").toExternalForm());
        Stage stage = new Stage();
        stage.setScene(scene);
        // as AppComposition.show does: the cache opens in the background while the window is first laid out
        long openCache = System.nanoTime();
        runner.run("open the cache", () -> {
            ConsoleCache opened = ConsoleCache.open(stem, InspectedCacheFile.check()); // as the console does
            out("cacheOpenMs", ms(System.nanoTime() - openCache));
            return opened;
        }, cache -> vm.open(cache.proposals(),
                cache.outbox(), () -> {
                    long loaded = System.nanoTime();
                    view.applyCss();
                    view.layout();
                    usable.complete(new Usable(vm, view, stage, cache, vm.rows().size(), toolkit, openCache, loaded,
                            System.nanoTime()));
                }), usable::completeExceptionally);
        stage.show();
    }

    /**
     * Types the query one character at a time, {@code typings} times (clearing it between, untimed); each keystroke
     * is timed from setting the filter to the table having been laid out again ({@code filterOnly}: to the filtered
     * list having been updated, before CSS and layout).
     */
    private static List<Double> typeQuery(Usable u, String query, int typings, List<Double> filterOnly) {
        List<Double> times = new ArrayList<>();
        for (int t = 0; t < typings; t++) {
            u.vm.filterProperty().set("");
            u.view.applyCss();
            u.view.layout();
            for (int i = 1; i <= query.length(); i++) {
                long start = System.nanoTime();
                u.vm.filterProperty().set(query.substring(0, i));
                filterOnly.add((System.nanoTime() - start) / 1e6);
                u.view.applyCss();
                u.view.layout();
                times.add((System.nanoTime() - start) / 1e6);
            }
        }
        return times;
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(5, TimeUnit.MINUTES);
    }

    /** VmRSS from /proc/self/status, in KiB; -1 where there is no /proc. */
    static long rssKb() throws java.io.IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static String joined(List<Double> millis) {
        return millis.stream().map(d -> String.format(Locale.ROOT, "%.3f", d)).collect(Collectors.joining(","));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static void out(String key, Object value) {
        System.out.println("bench." + key + "=" + value);
    }
}
