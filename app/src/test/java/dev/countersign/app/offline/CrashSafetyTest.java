package dev.countersign.app.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.app.AppComposition;
import dev.countersign.app.cache.ConsoleCache;
import dev.countersign.app.cache.InspectedCacheFile;
import dev.countersign.app.cache.OutboxEntry;
import dev.countersign.app.support.Observer;
import dev.countersign.app.sync.GatewayClient;
import dev.countersign.gateway.Gateway;
import dev.countersign.gateway.GatewayConfig;
import dev.countersign.model.RiskTier;
import dev.countersign.model.api.DecisionRecordView;
import dev.countersign.model.api.DecisionRights;
import dev.countersign.model.api.EnrollmentRequest;
import dev.countersign.model.crypto.PublicKeys;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the console's decide-and-submit path with SIGKILL at random moments, again and again, in a real child process
 * against a real gateway, then lets one last run finish and checks: every signed decision in the outbox was recorded
 * exactly once, nothing is left pending, and the gateway holds no decision the outbox does not (nothing was sent
 * before it was safely stored). Trials: {@code -Dcountersign.crashTrials} (15 in the suite; the figures in
 * docs/performance.md are from runs of 60).
 */
class CrashSafetyTest {
    private static final String REVIEWER = "crash-test@northwind.example";

    @TempDir
    Path dir;

    @Test
    void killingTheConsoleAtRandomMomentsNeitherLosesNorRepeatsASignedDecision() throws Exception {
        int trials = Integer.getInteger("countersign.crashTrials", 15);
        long seed = Long.getLong("countersign.crashSeed", System.nanoTime());
        Random random = new Random(seed);
        try (Gateway gateway = Gateway.start(GatewayConfig.embeddedDemo(dir.resolve("gateway")))) {
            String gatewayUrl = gateway.baseUri().toString();
            Path keys = Files.createDirectories(dir.resolve("keys"));
            KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair(); // made here, never committed
            Files.write(keys.resolve("public.der"), key.getPublic().getEncoded());
            Files.write(keys.resolve("private.der"), key.getPrivate().getEncoded());
            new GatewayClient(gateway.baseUri()).enroll(new EnrollmentRequest(REVIEWER, "Crash Test",
                    AppComposition.DEMO_ROLES, PublicKeys.toBase64(key.getPublic()),
                    DecisionRights.all(RiskTier.CRITICAL)), gateway.adminToken(), "enroll-crash-test");
            Path stem = ConsoleCache.stem(dir.resolve("console"), Optional.of(gateway.baseUri()));

            Map<String, Integer> killedIn = new TreeMap<>();
            for (int trial = 0; trial < trials; trial++) {
                Child child = Child.start(gatewayUrl, stem, keys, 1000);
                // from the sign-in on: the sync (which also sends what the last run left), then deciding
                child.awaitPhase("sync", 60);
                Thread.sleep(random.nextInt(2500));
                String phase = child.kill();
                assertFalse(phase.startsWith("exited"), "trial " + trial + ": the child " + phase);
                killedIn.merge(phase.replaceAll(" .*", ""), 1, Integer::sum);
            }
            Child last = Child.start(gatewayUrl, stem, keys, 0);
            assertEquals(0, last.waitFor(120), "the last run finishes: " + last.output());

            List<OutboxEntry> outbox;
            try (ConsoleCache cache = ConsoleCache.open(stem, InspectedCacheFile.check())) {
                outbox = cache.outbox().all();
            }
            GatewayClient observer = Observer.signIn(gateway.baseUri(), gateway.adminToken());
            List<DecisionRecordView> records = observer.decisions((String) null).records().stream()
                    .filter(r -> r.reviewer().equals(REVIEWER)).toList();

            long pending = outbox.stream().filter(e -> e.state() == OutboxEntry.State.PENDING).count();
            List<OutboxEntry> refused = outbox.stream().filter(e -> e.state() == OutboxEntry.State.REFUSED).toList();
            List<OutboxEntry> recorded = outbox.stream().filter(e -> e.state() == OutboxEntry.State.RECORDED)
                    .toList();
            Set<String> recordIds = records.stream().map(DecisionRecordView::recordId).collect(Collectors.toSet());
            Set<Object> envelopesAtGateway = records.stream().map(DecisionRecordView::envelope)
                    .collect(Collectors.toSet());
            Set<Object> envelopesInOutbox = outbox.stream().map(OutboxEntry::envelope).collect(Collectors.toSet());
            long duplicated = records.size() - envelopesAtGateway.size();
            long lost = recorded.stream().filter(e -> !envelopesAtGateway.contains(e.envelope())).count() + pending;
            List<DecisionRecordView> unknown = records.stream()
                    .filter(r -> !envelopesInOutbox.contains(r.envelope())).toList();

            System.out.printf("crash safety: seed %d, %d kills (last phase before the kill: %s); outbox %d signed"
                    + " decisions: %d recorded, %d refused, %d pending; gateway %d records; %d lost, %d duplicated,"
                    + " %d unknown%n", seed, trials, killedIn, outbox.size(), recorded.size(), refused.size(),
                    pending, records.size(), lost, duplicated, unknown.size());
            assertTrue(outbox.size() >= trials / 2, "the trials got to sign decisions: " + outbox.size());
            assertEquals(0, pending, "nothing is left waiting after the last run");
            assertEquals(List.of(), refused.stream().map(OutboxEntry::problemType).toList(), "nothing refused");
            assertEquals(0, lost, "no signed decision lost");
            assertEquals(0, duplicated, "no decision recorded twice");
            assertEquals(List.of(), unknown, "nothing reached the gateway without being stored first");
            assertEquals(recorded.size(), records.size());
            assertEquals(records.size(), recordIds.size());
            assertEquals(recordIds, recorded.stream().map(OutboxEntry::recordId).collect(Collectors.toSet()),
                    "each outbox entry names the record the gateway made of it");
        }
    }

    /** A run of {@link DecideAndSubmitChild}, its output read as it comes. */
    private static final class Child {
        private final Process process;
        private final List<String> lines = new ArrayList<>();
        private final AtomicReference<String> phase = new AtomicReference<>("starting");

        private Child(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        synchronized (lines) {
                            lines.add(line);
                        }
                        if (line.startsWith("PHASE ")) {
                            phase.set(line.substring(6));
                        }
                    }
                } catch (java.io.IOException e) {
                    // the process was killed
                }
            }, "child-output");
            reader.setDaemon(true);
            reader.start();
        }

        static Child start(String gateway, Path stem, Path keys, int count) throws Exception {
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    DecideAndSubmitChild.class.getName(), gateway, stem.toString(), REVIEWER, keys.toString(),
                    Integer.toString(count));
            builder.redirectErrorStream(true);
            return new Child(builder.start());
        }

        void awaitPhase(String name, int seconds) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (!phase.get().startsWith(name) && System.nanoTime() < end && process.isAlive()) {
                Thread.sleep(5);
            }
        }

        /** SIGKILL; returns the last phase it had entered. */
        String kill() throws InterruptedException {
            if (!process.isAlive()) {
                return "exited " + process.exitValue() + " before the kill: " + output();
            }
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            return process.exitValue() == 137 || !process.isAlive() ? phase.get() : "?";
        }

        int waitFor(int seconds) throws InterruptedException {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        }

        String output() {
            synchronized (lines) {
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
            }
        }
    }
}
