package dev.countersign.app.bench;

import dev.countersign.app.cache.ConsoleCache;
import dev.countersign.app.sync.ConsoleSync;
import dev.countersign.model.TargetRef;
import dev.countersign.model.api.ProposalView;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures the offline-first console (issue 4): (1) a full sync of many proposals with their contexts from a real
 * gateway over loopback into an empty cache, nonces included, and the pull and the nonce fetch apart; (2) an empty
 * incremental sync; (3) a cold start in a fresh JVM to a usable queue over a large cache; (4) filter keystrokes against
 * that queue; (5) the memory of that JVM. Prints a table.
 *
 * <p>Not a test: run it with exec:exec (app's pom pins exec:java's main class to the console's launcher)
 * {@code mvn -B -q -pl app test-compile exec:exec -Dexec.classpathScope=test -Dexec.executable=java
 * -Dexec.args="-cp %classpath dev.countersign.app.bench.OfflineConsoleBenchmark"}. Sizes and the child JVM's flags are
 * system properties (see {@link Sizes#fromSystemProperties}), given before {@code -cp}. Figures go to
 * docs/performance.md.
 */
public final class OfflineConsoleBenchmark {
    static final String QUERY = "payments prod";

    private OfflineConsoleBenchmark() {}

    /**
     * @param proposals submitted to the gateway and fully synced
     * @param syncRuns full syncs, each into a fresh cache
     * @param emptyRuns empty incremental syncs
     * @param cached proposals in the cache the cold start opens
     * @param coldRuns cold starts, each a fresh JVM
     * @param typings how many times each cold-started JVM types the query
     * @param childJvmArgs flags for the cold-start JVM, space-separated (empty: the JVM's defaults)
     */
    record Sizes(int proposals, int syncRuns, int emptyRuns, int cached, int coldRuns, int typings,
            String childJvmArgs) {
        static Sizes fromSystemProperties() {
            return new Sizes(Integer.getInteger("bench.proposals", 10_000), Integer.getInteger("bench.syncRuns", 3),
                    Integer.getInteger("bench.emptyRuns", 20), Integer.getInteger("bench.cached", 50_000),
                    Integer.getInteger("bench.coldRuns", 3), Integer.getInteger("bench.typings", 3),
                    System.getProperty("bench.childJvmArgs", ""));
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> figures = run(Sizes.fromSystemProperties());
        System.out.println();
        System.out.println("| what | figure |");
        System.out.println("|---|---|");
        figures.forEach((what, figure) -> System.out.println("| " + what + " | " + figure + " |"));
    }

    /** Runs every measurement and returns the figures in order; a smoke test calls it at toy sizes. */
    static Map<String, String> run(Sizes sizes) throws Exception {
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("machine", "cores=" + Runtime.getRuntime().availableProcessors() + ", java="
                + System.getProperty("java.version") + ", harness max heap="
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, load average at start " + loadAverage());
        Path dir = Files.createTempDirectory("countersign-offline-bench");
        try {
            Path coldCache;
            try (SyncBench bench = SyncBench.start(dir, sizes.proposals())) {
                measureSync(bench, sizes, figures);
                coldCache = fillCache(bench, dir, sizes.cached());
            }
            measureColdStart(coldCache, sizes, figures);
        } finally {
            delete(dir);
        }
        figures.put("load average at the end (other work on the machine)", loadAverage());
        return figures;
    }

    private static void measureSync(SyncBench bench, Sizes sizes, Map<String, String> figures) throws Exception {
        long[] full = new long[sizes.syncRuns()];
        int[] received = {0};
        ConsoleCache last = null;
        ConsoleSync lastSync = null;
        for (int i = 0; i < sizes.syncRuns(); i++) {
            if (last != null) {
                last.close();
            }
            last = bench.freshCache("full-" + i);
            lastSync = bench.sync(last);
            full[i] = SyncBench.timedRound(lastSync, received);
        }
        int n = received[0];
        long fullMedian = median(full);
        figures.put("full sync, " + n + " proposals + nonces (ConsoleSync.run, median of " + full.length + ")",
                String.format(Locale.ROOT, "%s (%.0f proposals/s; runs %s)", sec(fullMedian), n / (fullMedian / 1e9),
                        all(full)));
        try {
            long[] empty = new long[sizes.emptyRuns()];
            for (int i = 0; i < empty.length; i++) {
                empty[i] = SyncBench.timedRound(lastSync, received);
            }
            Arrays.sort(empty);
            figures.put("empty incremental sync (median of " + empty.length + ")", String.format(Locale.ROOT,
                    "%s (min %s, max %s)", msText(median(empty)), msText(empty[0]), msText(empty[empty.length - 1])));
        } finally {
            last.close();
        }
        try (ConsoleCache cache = bench.freshCache("pull-alone")) {
            SyncBench.PullBreakdown pull = bench.pullAlone(cache.proposals());
            figures.put("pull alone, " + pull.received() + " proposals (1 run)", String.format(Locale.ROOT,
                    "%s = GET /v1/queue + JSON %s, cache writes %s", sec(pull.totalNanos()), sec(pull.fetchNanos()),
                    sec(pull.storeNanos())));
            SyncBench.NonceBreakdown nonces = bench.noncesAlone(cache.proposals());
            figures.put("nonces alone, " + nonces.ids() + " pending (1 run)", String.format(Locale.ROOT,
                    "%s = query %s, POST /v1/nonces %s, cache writes %s", sec(nonces.totalNanos()),
                    msText(nonces.queryNanos()), sec(nonces.issueNanos()), sec(nonces.storeNanos())));
        }
        try (ConsoleCache cache = bench.freshCache("full-warm")) {
            long warm = SyncBench.timedRound(bench.sync(cache), received);
            figures.put("full sync again, after the above (warm JIT, 1 run)", String.format(Locale.ROOT,
                    "%s (%.0f proposals/s)", sec(warm), received[0] / (warm / 1e9)));
        }
    }

    /**
     * A cache of {@code count} proposals made from the gateway's real views, each copy after the first with its own id
     * and target (id and name suffixed), written a page of 500 at a time as a sync writes them. Closed when returned.
     */
    private static Path fillCache(SyncBench bench, Path dir, int count) throws Exception {
        List<ProposalView> models = bench.allViews();
        Path stem = dir.resolve("caches").resolve("cold").resolve("cache");
        try (ConsoleCache cache = ConsoleCache.open(stem, f -> { })) {
            List<ProposalView> page = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                page.add(copy(models.get(i % models.size()), i / models.size()));
                if (page.size() == 500 || i == count - 1) {
                    cache.proposals().applyPage(page, "bench-" + i, bench.now());
                    page.clear();
                }
            }
        }
        return stem;
    }

    private static ProposalView copy(ProposalView view, int copy) {
        if (copy == 0) {
            return view;
        }
        var p = view.proposal();
        TargetRef t = p.target();
        var proposal = new dev.countersign.model.Proposal(p.id() + "-" + copy, p.version(), p.agent(),
                p.actionType(), new TargetRef(t.id() + "-" + copy, t.name() + "-" + copy, t.kind(), t.provider()),
                p.environment(), p.parameters(), p.intent(), p.riskTier(), p.createdAt(), p.expiresAt());
        return new ProposalView(proposal, view.context(), view.proposalDigest(), view.contextDigest(),
                view.status(), view.approvalsRequired(), view.approvals(), view.updatedAt());
    }

    private static void measureColdStart(Path stem, Sizes sizes, Map<String, String> figures) throws Exception {
        List<Map<String, String>> runs = new ArrayList<>();
        long[] spawnToUsable = new long[sizes.coldRuns()];
        for (int i = 0; i < sizes.coldRuns(); i++) {
            long spawned = System.currentTimeMillis();
            Map<String, String> child = runChild(stem, sizes);
            spawnToUsable[i] = (Long.parseLong(child.get("usableMillis")) - spawned) * 1_000_000;
            runs.add(child);
        }
        String flags = sizes.childJvmArgs().isBlank() ? "JVM defaults" : sizes.childJvmArgs();
        int rows = Integer.parseInt(runs.get(0).get("allRowsMs").replaceAll(".*\\((\\d+) rows.*", "$1"));
        int first = Integer.parseInt(runs.get(0).get("rows"));
        figures.put("cold start JVM flags", flags + " (+ Monocle headless, software rendering)");
        figures.put("cold start, process spawned → usable queue (the first " + first + " of " + rows
                + " rows shown, in queue order, and laid out; median of " + runs.size() + ")",
                sec(median(spawnToUsable)) + " (runs " + all(spawnToUsable) + ")");
        figures.put("cold start, main() → all " + rows + " rows in the queue",
                msMedian(runs, r -> Double.parseDouble(r.get("allRowsMs").split(" ")[0])));
        figures.put("cold start, JVM start → usable", msMedian(runs, r -> millis(r, "usableMillis")
                - millis(r, "jvmStartMillis")));
        figures.put("cold start, main() → usable", msMedian(runs, r -> millis(r, "usableMillis")
                - millis(r, "mainEntryMillis")));
        figures.put("  of which toolkit + window", msMedian(runs, r -> decimal(r, "toolkitMs")));
        figures.put("cold start, open cache → usable", msMedian(runs, r -> decimal(r, "openCacheToUsableMs")));
        figures.put("  of which open + read the first " + first + " summaries + rows",
                msMedian(runs, r -> decimal(r, "readCacheMs")));
        figures.put("    of which ConsoleCache.open (file check + H2; Flyway skipped when current)",
                msMedian(runs, r -> decimal(r, "cacheOpenMs")));
        figures.put("    warm, again: summaries() alone / summaries() + rows into a QueueViewModel",
                msMedian(runs, r -> Double.parseDouble(r.get("warmSummariesMs").split(" ")[0])) + " / "
                + msMedian(runs, r -> decimal(r, "warmLoadIntoModelMs")));
        figures.put("  of which first CSS + layout of the table", msMedian(runs, r -> decimal(r, "layoutMs")));

        figures.put("filter keystroke → table laid out, " + rows + " rows, \"" + QUERY + "\"",
                keystrokes(runs, "keystrokeMs"));
        figures.put("  of which the filtered list alone (before CSS + layout)",
                keystrokes(runs, "keystrokeFilterOnlyMs"));
        figures.put("RSS after usable + GC", msMedian(runs, r -> decimal(r, "rssMb")).replace(" ms", " MiB"));
        figures.put("heap used after GC (committed)", msMedian(runs, r -> decimal(r, "heapUsedMb"))
                .replace(" ms", " MiB") + " (" + msMedian(runs, r -> decimal(r, "heapCommittedMb"))
                .replace(" ms", " MiB") + ")");
        figures.put("RSS after the filter runs", msMedian(runs, r -> decimal(r, "rssAfterFilterMb"))
                .replace(" ms", " MiB"));
    }

    private static String keystrokes(List<Map<String, String>> runs, String key) {
        List<Double> keys = new ArrayList<>();
        for (Map<String, String> r : runs) {
            for (String s : r.get(key).split(",")) {
                keys.add(Double.parseDouble(s));
            }
        }
        keys.sort(Comparator.naturalOrder());
        return String.format(Locale.ROOT, "median %.1f ms, p95 %.1f ms, max %.1f ms (%d keystrokes)",
                keys.get(keys.size() / 2), keys.get((int) Math.min(keys.size() - 1, Math.ceil(keys.size() * 0.95) - 1)),
                keys.get(keys.size() - 1), keys.size());
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** Runs {@link ColdStartProbe} in a fresh JVM on the same classpath; its {@code bench.*} lines, as a map. */
    private static Map<String, String> runChild(Path stem, Sizes sizes) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String flag : sizes.childJvmArgs().split("\\s+")) {
            if (!flag.isBlank()) {
                command.add(flag);
            }
        }
        command.addAll(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Djava.awt.headless=true", "-cp", classpath(), ColdStartProbe.class.getName(), stem.toString(),
                QUERY, Integer.toString(sizes.typings())));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Map<String, String> values = new LinkedHashMap<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("bench.") && line.contains("=")) {
                    values.put(line.substring(6, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
                }
            }
        }
        int exit = process.waitFor();
        if (exit != 0 || !values.containsKey("usableMillis")) {
            throw new IllegalStateException("the cold-start JVM failed (exit " + exit + "): " + values);
        }
        return values;
    }

    /** The classpath this JVM loaded the harness from: exec:java's class loader, or java.class.path (surefire). */
    private static String classpath() throws Exception {
        List<String> parts = new ArrayList<>();
        if (OfflineConsoleBenchmark.class.getClassLoader() instanceof URLClassLoader loader) {
            for (URL url : loader.getURLs()) {
                parts.add(Path.of(url.toURI()).toString());
            }
        }
        return parts.isEmpty() ? System.getProperty("java.class.path")
                : String.join(java.io.File.pathSeparator, parts);
    }

    private static long millis(Map<String, String> run, String key) {
        return Long.parseLong(run.get(key));
    }

    private static double decimal(Map<String, String> run, String key) {
        return Double.parseDouble(run.get(key));
    }

    private static String msMedian(List<Map<String, String>> runs, java.util.function.ToDoubleFunction<Map<String,
            String>> value) {
        double[] v = runs.stream().mapToDouble(value).sorted().toArray();
        return String.format(Locale.ROOT, "%.0f ms", v[v.length / 2]);
    }

    static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String all(long[] nanos) {
        return String.join(", ", Arrays.stream(nanos).mapToObj(OfflineConsoleBenchmark::sec).toList());
    }

    private static String sec(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    private static String msText(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    private static void delete(Path dir) throws java.io.IOException {
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
