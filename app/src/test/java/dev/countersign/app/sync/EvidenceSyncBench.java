package dev.countersign.app.sync;

import dev.countersign.app.cache.ConsoleCache;
import dev.countersign.app.support.Observer;
import dev.countersign.gateway.Gateway;
import dev.countersign.gateway.GatewayConfig;
import dev.countersign.gateway.demo.DemoWorld;
import dev.countersign.model.ProposalStatus;
import dev.countersign.model.ProposalSubmission;
import dev.countersign.model.api.ProposalView;
import dev.countersign.model.bundle.Evidence;
import dev.countersign.model.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * How long a console takes to sync what proves a large decision log: a real gateway on loopback with the demo world
 * and {@code records} automatic approvals (the demo's auto-approvable submissions, repeated), then a first round into
 * a fresh cache (records, their versions, reviewers, the log and checkpoint), a second round with nothing new, and
 * {@code evidence().all()}. Not a test (minutes of setup); run it by hand:
 * {@code mvn -o -pl app exec:exec -Dexec.classpathScope=test -Dexec.executable=java
 * "-Dexec.args=-cp %classpath dev.countersign.app.sync.EvidenceSyncBench 10000"}.
 */
public final class EvidenceSyncBench {
    private EvidenceSyncBench() {}

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(EvidenceSync.class))
                .setLevel(ch.qos.logback.classic.Level.DEBUG);
        // a second argument keeps the gateway in that folder, so a second run skips the setup
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("evidence-bench");
        boolean reuse = Files.exists(dir.resolve("gateway"));
        deleteCaches(dir);
        try (Gateway gateway = Gateway.start(GatewayConfig.embeddedDemo(dir.resolve("gateway")))) {
            long t0 = System.nanoTime();
            if (!reuse) {
                submitAutoApproved(gateway.baseUri(), records);
                System.out.printf("setup: %d automatic approvals submitted in %.1f s%n", records, secs(t0));
            }
            GatewayClient client = Observer.signIn(gateway.baseUri(), gateway.adminToken());
            try (ConsoleCache cache = ConsoleCache.open(dir.resolve("console").resolve("cache"), f -> { })) {
                ConsoleSync sync = new ConsoleSync(client, cache.proposals(), cache.records(),
                        new OutboxSender(client, cache.outbox(), cache.proposals(), Clock.systemUTC()),
                        Clock.systemUTC());
                long t1 = System.nanoTime();
                ConsoleSync.Report first = sync.run(n -> { });
                System.out.printf("first round: %.1f s (%d proposals, %d records, failure %s, log refused %s)%n",
                        secs(t1), first.received(), cache.records().size(), first.failure(), first.logRefused());
                long t2 = System.nanoTime();
                ConsoleSync.Report second = sync.run(n -> { });
                System.out.printf("second round, nothing new: %.2f s (failure %s)%n", secs(t2), second.failure());
                long t3 = System.nanoTime();
                Evidence all = cache.evidence().all();
                System.out.printf("evidence().all(): %.2f s (%d items, %d log entries, %d reviewers)%n", secs(t3),
                        all.items().size(), all.log().size(), all.reviewers().size());
                long t4 = System.nanoTime();
                Evidence some = cache.evidence().forRecords(all.items().subList(all.items().size() - 10,
                        all.items().size()).stream().map(i -> i.record().recordId()).toList());
                System.out.printf("evidence().forRecords(last 10): %.3f s (%d log entries)%n", secs(t4),
                        some.log().size());
            }
            try (ConsoleCache cache = ConsoleCache.open(dir.resolve("console2").resolve("cache"), f -> { })) {
                ConsoleSync sync = new ConsoleSync(client, cache.proposals(), cache.records(),
                        new OutboxSender(client, cache.outbox(), cache.proposals(), Clock.systemUTC()),
                        Clock.systemUTC());
                long t5 = System.nanoTime();
                sync.run(n -> { });
                System.out.printf("first round into another fresh cache (warm JVM): %.1f s%n", secs(t5));
                cache.proposals().dropProposals(); // records and evidence too, the proposals' cursor with them
                long t6 = System.nanoTime();
                sync.run(n -> { });
                System.out.printf("again after dropping everything (warm JVM): %.1f s%n", secs(t6));
                EvidenceSync evidence = new EvidenceSync(client, cache.proposals(), cache.records().evidence(),
                        Clock.systemUTC());
                long t7 = System.nanoTime();
                evidence.run(true);
                System.out.printf("an evidence round alone, nothing new, reviewers refreshed: %.2f s%n", secs(t7));
            }
        }
    }

    private static void deleteCaches(Path dir) throws java.io.IOException {
        for (String name : List.of("console", "console2")) {
            Path folder = dir.resolve(name);
            if (Files.exists(folder)) {
                try (var files = Files.walk(folder)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    /** Submits the demo's auto-approvable submissions again and again until {@code count} were approved. */
    private static void submitAutoApproved(URI base, int count) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<ProposalSubmission> auto = new ArrayList<>();
        for (ProposalSubmission s : DemoWorld.load().proposals()) {
            if (submit(http, base, s).status() == ProposalStatus.APPROVED) {
                auto.add(s);
            }
        }
        if (auto.isEmpty()) {
            throw new IllegalStateException("the demo world has no auto-approvable submission");
        }
        int left = count - auto.size();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int first = t;
                done.add(pool.submit(() -> {
                    for (int i = first; i < left; i += 4) {
                        submit(http, base, auto.get(i % auto.size()));
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

    private static ProposalView submit(HttpClient http, URI base, ProposalSubmission s) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/v1/proposals"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(Json.string(s)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("submit: " + response.statusCode() + " " + response.body());
        }
        return Json.parse(response.body(), ProposalView.class);
    }

    private static double secs(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
