package dev.countersign.app.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.app.cache.Binding;
import dev.countersign.app.cache.ConsoleCache;
import dev.countersign.app.cache.EvidenceCache;
import dev.countersign.app.cache.InspectedCacheFile;
import dev.countersign.app.support.TestGateway;
import dev.countersign.model.Decision;
import dev.countersign.model.ParameterChange;
import dev.countersign.model.ProposalStatus;
import dev.countersign.model.ReasonCode;
import dev.countersign.model.RiskTier;
import dev.countersign.model.Verdict;
import dev.countersign.model.api.DecisionRecordView;
import dev.countersign.model.api.DecisionRights;
import dev.countersign.model.api.EnrollmentRequest;
import dev.countersign.model.api.LogSegment;
import dev.countersign.model.api.ProposalView;
import dev.countersign.model.api.ReviewerView;
import dev.countersign.model.bundle.Evidence;
import dev.countersign.model.bundle.EvidenceItem;
import dev.countersign.model.bundle.EvidenceResult;
import dev.countersign.model.bundle.EvidenceVerifier;
import dev.countersign.model.bundle.RecordCheck;
import dev.countersign.model.crypto.PublicKeys;
import dev.countersign.model.crypto.SoftwareSigner;
import dev.countersign.model.json.Digests;
import dev.countersign.model.json.Json;
import dev.countersign.model.log.Checkpoint;
import dev.countersign.model.log.Checkpoints;
import dev.countersign.model.log.LogEntry;
import dev.countersign.model.log.LogVerifier;
import dev.countersign.model.record.DecisionRecords;
import dev.countersign.model.record.DsseEnvelope;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What proves the console's records, synced from a real gateway into a real cache file and read back as evidence:
 * decisions by two reviewers, one of them bound to the first version of a proposal that was amended after, and the
 * gateway's automatic approvals; then the same evidence offline, and a subset of it.
 */
class EvidenceSyncTest {
    @TempDir
    Path dir;
    private TestGateway gateway;
    private GatewayClient observer;
    private ConsoleCache cache;
    private Path stem;
    private Reviewer alice;
    private Reviewer bob;

    /** A reviewer enrolled with a software key and every decision right, signed in through their own client. */
    private record Reviewer(String name, SoftwareSigner key, GatewayClient client) {
        static Reviewer enroll(TestGateway gateway, String name) throws Exception {
            SoftwareSigner key = new SoftwareSigner(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
            GatewayClient client = new GatewayClient(gateway.baseUri());
            client.enroll(new EnrollmentRequest(name, name, List.of("platform-security"),
                    PublicKeys.toBase64(key.publicKey()), DecisionRights.all(RiskTier.CRITICAL)),
                    gateway.adminToken(), "enroll-" + name);
            ReviewerSessions sessions = new ReviewerSessions(client, () -> Optional.of(key), Clock.systemUTC(),
                    grant -> { });
            client.useSessions(sessions);
            sessions.open(name, key);
            return new Reviewer(name, key, client);
        }

        String decide(ProposalView view, Verdict verdict) throws Exception {
            String id = view.proposal().id();
            String nonce = client.issueNonce(id, "nonce-" + UUID.randomUUID()).nonce();
            Decision decision = new Decision(id, view.proposal().version(), view.contextDigest(), verdict,
                    verdict == Verdict.APPROVE ? ReasonCode.MATCHES_INTENT : ReasonCode.SUSPICIOUS_REQUEST,
                    "Checked for the evidence test.", null, name, key.keyId(), nonce, Instant.now(),
                    view.proposal().agent().id(), view.context().policyBasis().policyId(),
                    view.context().policyBasis().policyVersion(), "countersign-console test");
            DsseEnvelope envelope = DecisionRecords.sign(DecisionRecords.statement(view.proposal(), decision), key);
            return client.postDecision(envelope, "decision-" + UUID.randomUUID()).recordId();
        }
    }

    @BeforeEach
    void start() throws Exception {
        gateway = TestGateway.start(dir);
        observer = gateway.client();
        alice = Reviewer.enroll(gateway, "alice@northwind.example");
        bob = Reviewer.enroll(gateway, "bob@northwind.example");
        stem = ConsoleCache.stem(dir.resolve("console"), Optional.of(gateway.baseUri()));
        cache = ConsoleCache.open(stem, InspectedCacheFile.check());
    }

    @AfterEach
    void stop() {
        cache.close();
        gateway.close();
    }

    /** The scenario: returns the record ids by what they are (alice-v1, bob-v2, bob-deny). */
    private Map<String, String> decide() throws Exception {
        List<ProposalView> pending = observer.queue(null, 500).items().stream()
                .filter(v -> v.status() == ProposalStatus.PENDING).toList();
        ProposalView amended = pending.stream().filter(v -> v.approvalsRequired() == 2).findFirst().orElseThrow();
        ProposalView denied = pending.stream().filter(v -> v != amended).findFirst().orElseThrow();
        String id = amended.proposal().id();
        String aliceV1 = alice.decide(amended, Verdict.APPROVE);
        amend(id);
        ProposalView v2 = observer.proposal(id);
        assertEquals(2, v2.proposal().version());
        String bobV2 = bob.decide(v2, Verdict.APPROVE);
        String bobDeny = bob.decide(denied, Verdict.DENY);
        assertTrue(observer.decisions(null).records().stream()
                .anyMatch(r -> r.reviewer().equals(EvidenceCache.GATEWAY_REVIEWER)),
                "the demo world holds automatic approvals");
        return Map.of("alice-v1", aliceV1, "bob-v2", bobV2, "bob-deny", bobDeny);
    }

    private void amend(String proposalId) throws Exception {
        Request request = new Request.Builder()
                .url(gateway.baseUri().resolve("/v1/admin/proposals/" + proposalId + "/amend").toString())
                .header("Authorization", "Bearer " + gateway.adminToken())
                .post(RequestBody.create(Json.bytes(Map.of("parameters", new ParameterChange(
                        Json.toTree(Map.of("keyVersion", 7)), Json.toTree(Map.of("keyVersion", 9))))),
                        MediaType.get("application/json")))
                .build();
        try (Response response = new OkHttpClient().newCall(request).execute()) {
            assertEquals(200, response.code(), () -> "amend: " + response.code());
        }
    }

    private ConsoleSync sync(GatewayClient client) {
        client.useSessions(observer.sessions());
        return new ConsoleSync(client, cache.proposals(), cache.records(),
                new OutboxSender(client, cache.outbox(), cache.proposals(), Clock.systemUTC()), Clock.systemUTC());
    }

    private ConsoleSync.Report syncOnce(GatewayClient client) {
        ConsoleSync.Report report = sync(client).run(n -> { });
        assertTrue(report.ok(), () -> String.valueOf(report.failure()));
        return report;
    }

    @Test
    void everyRecordIsHeldWithItsVersionItsReviewersAndAVerifiedLogAlsoOffline() throws Exception {
        Map<String, String> ids = decide();
        ConsoleSync.Report report = syncOnce(new GatewayClient(gateway.baseUri()));
        assertNull(report.logRefused());

        Evidence evidence = cache.evidence().all();
        List<DecisionRecordView> log = observer.decisions(null).records();
        assertEquals(log.stream().map(DecisionRecordView::recordId).toList(),
                evidence.items().stream().map(i -> i.record().recordId()).toList(), "every record, in log order");
        assertBoundAsSigned(evidence);
        Map<String, EvidenceItem> byId = evidence.items().stream()
                .collect(Collectors.toMap(i -> i.record().recordId(), i -> i));
        assertEquals(1, byId.get(ids.get("alice-v1")).proposal().version(), "the version it was signed for");
        assertEquals(2, byId.get(ids.get("bob-v2")).proposal().version());
        assertEquals(byId.get(ids.get("alice-v1")).proposal().id(), byId.get(ids.get("bob-v2")).proposal().id());

        assertReviewers(evidence, alice, bob);
        PublicKey gatewayKey = PublicKeys.fromBase64(evidence.gatewayPublicKey());
        assertEquals(observer.gatewayKeyId(), dev.countersign.model.crypto.KeyIds.of(gatewayKey));
        Checkpoint checkpoint = Checkpoints.verify(evidence.checkpoint(), gatewayKey);
        assertEquals(log.size(), checkpoint.size(), "the checkpoint covers every record synced");
        assertEquals(0, evidence.log().get(0).index());
        LogVerifier.verify(evidence.log(), 0, checkpoint);
        assertRecordsInLog(evidence);

        // the same, from the file alone, with the gateway gone
        cache.close();
        gateway.close();
        cache = ConsoleCache.open(stem, InspectedCacheFile.check());
        assertEquals(evidence, cache.evidence().all());
    }

    @Test
    void theVerifierFindsEveryRecordSyncedVerifiedAgainstTheGatewayKeyPinned() throws Exception {
        Map<String, String> ids = decide();
        syncOnce(new GatewayClient(gateway.baseUri()));
        PublicKey pinned = dev.countersign.model.crypto.PublicKeys.fromPem(gatewayKeyPem());
        cache.close();
        gateway.close(); // offline: everything comes from the cache file
        cache = ConsoleCache.open(stem, InspectedCacheFile.check());

        Evidence evidence = cache.evidence().all();
        EvidenceResult result = EvidenceVerifier.verify(evidence, pinned, 2);
        assertEquals(evidence.items().size(), result.records().size());
        for (RecordCheck check : result.records()) {
            assertTrue(check.verified(), () -> check.recordId() + ": " + check);
        }
        assertNotNull(result.checkpoint());
        assertTrue(evidence.items().size() >= 4);

        Evidence subset = cache.evidence().forRecords(List.of(ids.get("alice-v1"), ids.get("bob-deny")));
        List<RecordCheck> checks = EvidenceVerifier.verify(subset, pinned, 1).records();
        assertEquals(2, checks.size());
        assertTrue(checks.stream().allMatch(RecordCheck::verified), () -> checks.toString());
    }

    @Test
    void recordsCachedBeforeTheCacheKeptEvidenceAreBoundAtTheNextSync() throws Exception {
        decide();
        syncOnce(new GatewayClient(gateway.baseUri()));
        Evidence complete = cache.evidence().all();
        // the file as a console of the first cache version left it: records without what they are bound to
        cache.close();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + stem.toAbsolutePath()
                + dev.countersign.app.cache.CacheDatabase.URL_SETTINGS, "console", "");
                java.sql.Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE decision_record SET proposal_version = NULL");
            s.executeUpdate("DELETE FROM proposal_version");
            s.executeUpdate("DELETE FROM reviewer_view");
            s.execute("SHUTDOWN");
        }
        cache = ConsoleCache.open(stem, InspectedCacheFile.check());
        assertTrue(cache.evidence().all().items().stream().allMatch(i -> i.proposal() == null));

        syncOnce(new GatewayClient(gateway.baseUri()));
        assertEquals(complete, cache.evidence().all());
    }

    @Test
    void aSubsetCarriesItsRecordsTheirReviewersAndTheLogFromTheLowestOfThem() throws Exception {
        Map<String, String> ids = decide();
        syncOnce(new GatewayClient(gateway.baseUri()));

        Evidence subset = cache.evidence().forRecords(List.of(ids.get("bob-deny"), ids.get("bob-v2"), "rec_unknown"));
        assertEquals(List.of(ids.get("bob-v2"), ids.get("bob-deny")),
                subset.items().stream().map(i -> i.record().recordId()).toList(), "log order, unknown left out");
        assertBoundAsSigned(subset);
        assertEquals(List.of(bob.name()), subset.reviewers().stream().map(ReviewerView::reviewer).toList());
        long lowest = subset.items().get(0).record().logIndex();
        assertEquals(lowest, subset.log().get(0).index());
        Checkpoint checkpoint = Checkpoints.verify(subset.checkpoint(),
                PublicKeys.fromBase64(subset.gatewayPublicKey()));
        LogVerifier.verify(subset.log(), lowest, checkpoint);
        assertRecordsInLog(subset);
        assertTrue(cache.evidence().forRecords(List.of()).items().isEmpty());
    }

    @Test
    void aRecordArrivingLaterRefreshesTheReviewersSoARevocationIsSeen() throws Exception {
        decide();
        syncOnce(new GatewayClient(gateway.baseUri()));
        assertNull(reviewer(cache.evidence().all(), alice).keys().get(0).revokedAt());

        revoke(alice.key().keyId());
        ProposalView next = observer.queue(null, 500).items().stream()
                .filter(v -> v.status() == ProposalStatus.PENDING).findFirst().orElseThrow();
        bob.decide(next, Verdict.DENY);
        syncOnce(new GatewayClient(gateway.baseUri()));
        Evidence evidence = cache.evidence().all();
        assertNotNull(reviewer(evidence, alice).keys().get(0).revokedAt(), "alice's revocation, though she signed"
                + " nothing new");
        assertBoundAsSigned(evidence);
        LogVerifier.verify(evidence.log(), 0, Checkpoints.verify(evidence.checkpoint(),
                PublicKeys.fromBase64(evidence.gatewayPublicKey())));
    }

    @Test
    void aLogThatDoesNotVerifyIsNotStoredAndTheOneHeldBeforeIsKept() throws Exception {
        decide();
        GatewayClient tampering = new GatewayClient(gateway.baseUri(), altersLogEntry(1));
        ConsoleSync.Report refused = syncOnce(tampering);
        assertNotNull(refused.logRefused(), "the round says the log was not stored");
        assertTrue(refused.logRefused().english().contains("entry 1"), refused.logRefused().english());
        Evidence none = cache.evidence().all();
        assertNull(none.checkpoint());
        assertTrue(none.log().isEmpty());
        assertTrue(none.items().size() > 3, "the records and what they are bound to are kept");
        assertBoundAsSigned(none);

        assertNull(syncOnce(new GatewayClient(gateway.baseUri())).logRefused());
        Evidence held = cache.evidence().all();
        assertNotNull(held.checkpoint());

        ProposalView next = observer.queue(null, 500).items().stream()
                .filter(v -> v.status() == ProposalStatus.PENDING).findFirst().orElseThrow();
        bob.decide(next, Verdict.DENY);
        long newest = observer.decisions(null).records().size() - 1;
        ConsoleSync.Report again = syncOnce(new GatewayClient(gateway.baseUri(), altersLogEntry(newest)));
        assertNotNull(again.logRefused());
        Evidence kept = cache.evidence().all();
        assertEquals(held.checkpoint(), kept.checkpoint(), "the checkpoint held before stays");
        assertEquals(held.log(), kept.log());
        assertEquals(held.items().size() + 1, kept.items().size(), "the new record is held, outside the checkpoint");
    }

    /** A client whose answers to GET /v1/log/entries have the entry at {@code index} altered on the way. */
    private static OkHttpClient altersLogEntry(long index) {
        return GatewayClient.defaultHttp().newBuilder().addInterceptor(chain -> {
            Response response = chain.proceed(chain.request());
            if (!chain.request().url().encodedPath().equals("/v1/log/entries") || !response.isSuccessful()) {
                return response;
            }
            LogSegment segment = Json.parse(response.body().bytes(), LogSegment.class);
            List<LogEntry> entries = new ArrayList<>();
            for (LogEntry e : segment.entries()) {
                entries.add(e.index() != index ? e : new LogEntry(e.index(), e.recordId(), e.proposalId(),
                        "f".repeat(64), e.recordedAt(), e.previousHash()));
            }
            return response.newBuilder().body(ResponseBody.create(Json.bytes(new LogSegment(entries,
                    segment.size())), MediaType.get("application/json"))).build();
        }).build();
    }

    /** The gateway key as it is published (GET /v1/log/key), obtained apart from the evidence. */
    private String gatewayKeyPem() throws Exception {
        Request request = new Request.Builder().url(gateway.baseUri().resolve("/v1/log/key").toString()).build();
        try (Response response = new OkHttpClient().newCall(request).execute()) {
            assertEquals(200, response.code());
            return response.body().string();
        }
    }

    private void revoke(String keyId) throws Exception {
        Request request = new Request.Builder()
                .url(gateway.baseUri().resolve(URI.create("/v1/admin/keys/" + keyId + "/revoke")).toString())
                .header("Authorization", "Bearer " + gateway.adminToken())
                .post(RequestBody.create(new byte[0], MediaType.get("application/json"))).build();
        try (Response response = new OkHttpClient().newCall(request).execute()) {
            assertEquals(200, response.code(), () -> "revoke: " + response.code());
        }
    }

    /** Every item holds the version and context whose digests its record names. */
    private static void assertBoundAsSigned(Evidence evidence) {
        for (EvidenceItem item : evidence.items()) {
            Binding b = Binding.of(item.record());
            String id = item.record().recordId();
            assertNotNull(item.proposal(), id);
            assertEquals(b.version(), item.proposal().version(), id);
            assertEquals(b.proposalDigest(), DecisionRecords.proposalDigest(item.proposal()), id);
            assertEquals(b.contextDigest(), Digests.canonicalSha256(item.context()), id);
        }
    }

    /** The reviewers are exactly those the records name (not the gateway's own), with the keys they enrolled. */
    private static void assertReviewers(Evidence evidence, Reviewer... signers) {
        Set<String> named = evidence.items().stream().map(i -> i.record().reviewer())
                .filter(r -> !r.equals(EvidenceCache.GATEWAY_REVIEWER)).collect(Collectors.toSet());
        assertEquals(named, evidence.reviewers().stream().map(ReviewerView::reviewer).collect(Collectors.toSet()));
        for (Reviewer r : signers) {
            assertEquals(PublicKeys.toBase64(r.key().publicKey()), reviewer(evidence, r).keys().get(0).publicKey());
        }
    }

    private static ReviewerView reviewer(Evidence evidence, Reviewer r) {
        return evidence.reviewers().stream().filter(v -> v.reviewer().equals(r.name())).findFirst().orElseThrow();
    }

    /** Each record stands in the log segment at its index, under its id. */
    private static void assertRecordsInLog(Evidence evidence) {
        long first = evidence.log().get(0).index();
        for (EvidenceItem item : evidence.items()) {
            LogEntry entry = evidence.log().get((int) (item.record().logIndex() - first));
            assertEquals(item.record().recordId(), entry.recordId());
        }
    }
}
