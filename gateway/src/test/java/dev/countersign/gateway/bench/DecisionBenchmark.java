package dev.countersign.gateway.bench;

import dev.countersign.gateway.Gateway;
import dev.countersign.gateway.GatewayConfig;
import dev.countersign.model.Decision;
import dev.countersign.model.ReasonCode;
import dev.countersign.model.Verdict;
import dev.countersign.model.api.DecisionReceipt;
import dev.countersign.model.api.NonceGrant;
import dev.countersign.model.api.ProposalView;
import dev.countersign.model.api.SessionChallengeGrant;
import dev.countersign.model.api.SessionChallengeRequest;
import dev.countersign.model.api.SessionGrant;
import dev.countersign.model.crypto.PublicKeys;
import dev.countersign.model.crypto.SoftwareSigner;
import dev.countersign.model.json.Digests;
import dev.countersign.model.json.Json;
import dev.countersign.model.record.DecisionRecords;
import dev.countersign.model.record.DsseEnvelope;
import dev.countersign.model.session.SessionChallenges;
import dev.countersign.model.testing.Samples;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures (1) how fast decision records verify (DSSE + Ed25519 / P-256, what the gateway does per decision), on one
 * thread and on every core, and (2) the decision round trip a console sees over loopback HTTP against a real gateway
 * with its H2 file: ask for a nonce, sign, post the decision, get the receipt. The reviewer's session is opened once,
 * before the clock starts (a console renews it every few minutes, off the decision path).
 *
 * <p>Not a test: run it with
 * {@code mvn -B -q -pl gateway test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.countersign.gateway.bench.DecisionBenchmark}. Figures go to docs/performance.md.
 */
public final class DecisionBenchmark {
    private static final String REVIEWER = "bench.reviewer@northwind.example";

    private DecisionBenchmark() {}

    public static void main(String[] args) throws Exception {
        run(Integer.getInteger("bench.verify", 20_000), Integer.getInteger("bench.roundTrips", 1_000),
                Integer.getInteger("bench.warmup", 200));
    }

    /** Runs every measurement; a smoke test calls it with tiny counts so the harness cannot rot unnoticed. */
    static void run(int verifyRecords, int roundTrips, int warmup) throws Exception {
        System.out.printf("cores=%d java=%s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        verificationRate("Ed25519", Samples.freshEd25519(), verifyRecords);
        verificationRate("ECDSA P-256", Samples.freshP256(), verifyRecords);
        roundTrip(roundTrips, warmup);
    }

    private static void verificationRate(String name, KeyPair pair, int verifyRecords) throws Exception {
        SoftwareSigner signer = new SoftwareSigner(pair);
        var proposal = Samples.proposal();
        List<DsseEnvelope> records = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            Decision decision = Samples.decision(proposal, signer.keyId(), "nonce-" + i);
            records.add(DecisionRecords.sign(DecisionRecords.statement(proposal, decision), signer));
        }
        PublicKey key = pair.getPublic();
        verifyAll(records, key, verifyRecords / 4); // warm-up
        for (int threads : new int[] {1, Runtime.getRuntime().availableProcessors()}) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                int perThread = verifyRecords / threads;
                long start = System.nanoTime();
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    futures.add(pool.submit(() -> verifyAll(records, key, perThread)));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("verify %-11s threads=%d records=%d  %.0f records/s%n", name, threads,
                        perThread * threads, perThread * threads / seconds);
            } finally {
                pool.shutdown();
            }
        }
    }

    private static Void verifyAll(List<DsseEnvelope> records, PublicKey key, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            DecisionRecords.verify(records.get(i % records.size()), key);
        }
        return null;
    }

    private static void roundTrip(int roundTrips, int warmup) throws Exception {
        Path dir = Files.createTempDirectory("countersign-bench");
        KeyPair pair = Samples.freshEd25519();
        SoftwareSigner signer = new SoftwareSigner(pair);
        try {
            measureRoundTrips(dir, signer, pair, roundTrips, warmup);
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void measureRoundTrips(Path dir, SoftwareSigner signer, KeyPair pair, int roundTrips, int warmup)
            throws Exception {
        try (Gateway gateway = Gateway.start(GatewayConfig.embeddedDemo(dir))) {
            HttpClient http = HttpClient.newHttpClient();
            URI base = gateway.baseUri();
            String enrollment = "{\"reviewer\":\"" + REVIEWER + "\",\"displayName\":\"Bench Reviewer\","
                    + "\"roles\":[\"platform-security\",\"sre\",\"identity\"],\"rights\":{\"maxTier\":\"critical\"},"
                    + "\"publicKey\":\""
                    + PublicKeys.toBase64(pair.getPublic()) + "\"}";
            send(http, post(base, "/v1/admin/reviewers", enrollment).header("Authorization", "Bearer " + gateway.adminToken()), 201);
            String session = "Bearer " + openSession(http, base, signer);

            int total = warmup + roundTrips;
            List<ProposalView> views = new ArrayList<>(total);
            for (int i = 0; i < total; i++) {
                views.add(Json.parse(send(http, post(base, "/v1/proposals", submission(i)), 201), ProposalView.class));
            }
            long[] nanos = new long[roundTrips];
            long wall = 0;
            for (int i = 0; i < total; i++) {
                long start = System.nanoTime();
                decide(http, base, session, signer, views.get(i));
                long elapsed = System.nanoTime() - start;
                if (i >= warmup) {
                    nanos[i - warmup] = elapsed;
                    wall += elapsed;
                }
            }
            Arrays.sort(nanos);
            System.out.printf("round trip (nonce + sign + POST decision) n=%d  p50=%.2f ms  p99=%.2f ms  max=%.2f ms"
                            + "  %.0f decisions/s sequential%n", roundTrips, nanos[roundTrips / 2] / 1e6,
                    nanos[(int) (roundTrips * 0.99)] / 1e6, nanos[roundTrips - 1] / 1e6, roundTrips / (wall / 1e9));
        }
    }

    /** Challenge, sign, session: what a console does when the reviewer unlocks their key. Returns the token. */
    private static String openSession(HttpClient http, URI base, SoftwareSigner signer) throws Exception {
        SessionChallengeGrant challenge = Json.parse(send(http, post(base, "/v1/sessions/challenges",
                Json.string(new SessionChallengeRequest(REVIEWER, signer.keyId()))), 201), SessionChallengeGrant.class);
        DsseEnvelope signed = SessionChallenges.answer(challenge.payloadBytes(), REVIEWER, signer);
        return Json.parse(send(http, post(base, "/v1/sessions", Json.string(signed)), 201), SessionGrant.class).token();
    }

    private static void decide(HttpClient http, URI base, String session, SoftwareSigner signer, ProposalView view)
            throws Exception {
        String proposalId = view.proposal().id();
        NonceGrant nonce = Json.parse(send(http, post(base, "/v1/proposals/" + proposalId + "/nonces", "")
                .header("Authorization", session), 201), NonceGrant.class);
        Decision decision = new Decision(proposalId, view.proposal().version(), Digests.canonicalSha256(view.context()),
                Verdict.APPROVE, ReasonCode.MATCHES_INTENT, "Benchmark approval.", null, REVIEWER, signer.keyId(),
                nonce.nonce(), Instant.now(), view.proposal().agent().id(),
                view.context().policyBasis().policyId(), view.context().policyBasis().policyVersion(), "bench");
        DsseEnvelope envelope = DecisionRecords.sign(DecisionRecords.statement(view.proposal(), decision), signer);
        Json.parse(send(http, post(base, "/v1/decisions", Json.string(envelope)).header("Authorization", session)
                .header("Idempotency-Key", UUID.randomUUID().toString()), 201), DecisionReceipt.class);
    }

    private static String submission(int i) {
        return "{\"agent\":{\"id\":\"spiffe://northwind.example/agents/bench-bot\",\"owner\":\"bench.owner@northwind.example\"},"
                + "\"actionType\":\"rotate_credential\",\"targetId\":\"nhi-stripe-api-key-dev\",\"environment\":\"dev\","
                + "\"parameters\":{\"before\":{\"keyVersion\":" + i + "},\"after\":{\"keyVersion\":" + (i + 1) + "}},"
                + "\"intent\":\"Benchmark rotation " + i + ".\",\"expiresInMinutes\":240}";
    }

    private static HttpRequest.Builder post(URI base, String path, String body) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static String send(HttpClient http, HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return response.body();
    }
}
