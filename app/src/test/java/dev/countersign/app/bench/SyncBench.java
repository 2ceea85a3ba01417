package dev.countersign.app.bench;

import dev.countersign.app.cache.ConsoleCache;
import dev.countersign.app.cache.ProposalCache;
import dev.countersign.app.support.Observer;
import dev.countersign.app.sync.ConsoleSync;
import dev.countersign.app.sync.GatewayClient;
import dev.countersign.app.sync.GatewayException;
import dev.countersign.app.sync.OutboxSender;
import dev.countersign.gateway.Gateway;
import dev.countersign.gateway.GatewayConfig;
import dev.countersign.gateway.demo.DemoWorld;
import dev.countersign.model.ProposalSubmission;
import dev.countersign.model.api.ProposalView;
import dev.countersign.model.api.QueuePage;
import dev.countersign.model.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The sync half of {@link OfflineConsoleBenchmark}: a real gateway on loopback with its own H2 file and the demo world,
 * {@code proposals} more proposals submitted over HTTP (the demo world's submissions, cycled: real targets, agents and
 * contexts), and a reviewer signed in as {@link Observer} does. Then {@link ConsoleSync#run} into fresh caches.
 */
final class SyncBench implements AutoCloseable {
    private static final int PAGE = 500;

    private final Path dir;
    private final Gateway gateway;
    private final GatewayClient client;
    private final Clock clock = Clock.systemUTC();

    private SyncBench(Path dir, Gateway gateway, GatewayClient client) {
        this.dir = dir;
        this.gateway = gateway;
        this.client = client;
    }

    /** Starts the gateway, submits the proposals (setup, not timed by the caller) and signs a reviewer in. */
    static SyncBench start(Path dir, int proposals) throws Exception {
        Gateway gateway = Gateway.start(GatewayConfig.embeddedDemo(dir.resolve("gateway")));
        try {
            submit(gateway.baseUri(), proposals);
            return new SyncBench(dir, gateway, Observer.signIn(gateway.baseUri(), gateway.adminToken()));
        } catch (Exception | Error e) {
            gateway.close();
            throw e;
        }
    }

    private static void submit(URI base, int count) throws Exception {
        List<ProposalSubmission> demo = DemoWorld.load().proposals();
        HttpClient http = HttpClient.newHttpClient();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int first = t;
                done.add(pool.submit(() -> {
                    for (int i = first; i < count; i += 4) {
                        HttpRequest request = HttpRequest.newBuilder(base.resolve("/v1/proposals"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(Json.string(demo.get(i % demo.size()))))
                                .build();
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 201) {
                            throw new IllegalStateException("submit: " + response.statusCode() + " " + response.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** A new, empty console cache under the bench folder. */
    ConsoleCache freshCache(String name) {
        return ConsoleCache.open(dir.resolve("caches").resolve(name).resolve("cache"), f -> { });
    }

    ConsoleSync sync(ConsoleCache cache) {
        return new ConsoleSync(client, cache.proposals(), cache.records(),
                new OutboxSender(client, cache.outbox(), cache.proposals(), clock), clock);
    }

    /** Times one round; throws if the round reports a failure (a benchmark of a failed sync means nothing). */
    static long timedRound(ConsoleSync sync, int[] received) {
        long start = System.nanoTime();
        ConsoleSync.Report report = sync.run(n -> { });
        long elapsed = System.nanoTime() - start;
        if (!report.ok()) {
            throw new IllegalStateException("sync failed", report.failure());
        }
        received[0] = report.received();
        return elapsed;
    }

    /** The pull alone, as ConsoleSync pages it, with the HTTP + JSON part and the cache writes timed apart. */
    record PullBreakdown(long totalNanos, long fetchNanos, long storeNanos, int received) {}

    PullBreakdown pullAlone(ProposalCache cache) throws GatewayException {
        long fetch = 0;
        long store = 0;
        int received = 0;
        String cursor = null;
        long start = System.nanoTime();
        while (true) {
            long t0 = System.nanoTime();
            QueuePage page = client.queue(cursor, PAGE);
            long t1 = System.nanoTime();
            cache.applyPage(page.items(), page.nextCursor(), clock.instant());
            long t2 = System.nanoTime();
            fetch += t1 - t0;
            store += t2 - t1;
            received += page.items().size();
            cursor = page.nextCursor();
            if (!page.hasMore()) {
                return new PullBreakdown(System.nanoTime() - start, fetch, store, received);
            }
        }
    }

    /** The nonce fetch alone, as ConsoleSync does it, timed apart: the query, the HTTP batches, the cache writes. */
    record NonceBreakdown(long totalNanos, long queryNanos, long issueNanos, long storeNanos, int ids) {}

    NonceBreakdown noncesAlone(ProposalCache cache) throws GatewayException {
        long start = System.nanoTime();
        List<String> ids = cache.needingNonces(clock.instant(), Integer.MAX_VALUE);
        long query = System.nanoTime() - start;
        long issue = 0;
        long store = 0;
        for (int from = 0; from < ids.size(); from += PAGE) {
            long t0 = System.nanoTime();
            var batch = client.issueNonces(ids.subList(from, Math.min(ids.size(), from + PAGE)));
            long t1 = System.nanoTime();
            cache.putNonces(batch.nonces(), clock.instant());
            issue += t1 - t0;
            store += System.nanoTime() - t1;
        }
        return new NonceBreakdown(System.nanoTime() - start, query, issue, store, ids.size());
    }

    /** Every proposal the gateway holds, as it serves them (the models for the generated cache). */
    List<ProposalView> allViews() throws GatewayException {
        List<ProposalView> all = new ArrayList<>();
        String cursor = null;
        while (true) {
            QueuePage page = client.queue(cursor, PAGE);
            all.addAll(page.items());
            cursor = page.nextCursor();
            if (!page.hasMore()) {
                return all;
            }
        }
    }

    Instant now() {
        return clock.instant();
    }

    @Override
    public void close() {
        gateway.close();
    }
}
