package dev.countersign.app.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.app.cache.ConsoleCache;
import dev.countersign.app.cache.InspectedCacheFile;
import dev.countersign.app.cache.OutboxEntry;
import dev.countersign.model.Decision;
import dev.countersign.model.ReasonCode;
import dev.countersign.model.Verdict;
import dev.countersign.model.api.Problem;
import dev.countersign.model.crypto.SoftwareSigner;
import dev.countersign.model.json.Json;
import dev.countersign.model.record.DecisionRecords;
import dev.countersign.model.record.DsseEnvelope;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox sender against a scripted gateway (the end-to-end path runs against the real one in OfflineConsoleTest
 * and CrashSafetyTest): which answers end an entry, which leave it pending, and that a refusal is checked against
 * the gateway's records before the entry is called refused.
 */
class OutboxSenderTest {
    @TempDir
    Path dir;
    private final MockWebServer server = new MockWebServer();
    private final Map<String, MockResponse> postAnswers = new ConcurrentHashMap<>();
    private final Map<String, String> recordsOf = new ConcurrentHashMap<>();
    private final AtomicInteger posts = new AtomicInteger();
    private ConsoleCache cache;
    private OutboxSender sender;
    private SoftwareSigner key;

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                if (path.equals("/v1/decisions") && request.getMethod().equals("POST")) {
                    posts.incrementAndGet();
                    DsseEnvelope posted = Json.parse(request.getBody().string(StandardCharsets.UTF_8),
                            DsseEnvelope.class);
                    String proposal = DecisionRecords.readStatement(posted).predicate().get("proposalId").asText();
                    return postAnswers.getOrDefault(proposal, problem(500, "internal-error"));
                }
                if (path.equals("/v1/decisions") && request.getMethod().equals("GET")) {
                    String proposal = request.getUrl().queryParameter("proposalId");
                    return json(200, "{\"records\":[" + recordsOf.getOrDefault(proposal, "") + "]}");
                }
                return problem(404, "not-found");
            }
        });
        server.start();
        GatewayClient client = new GatewayClient(server.url("/").uri());
        cache = ConsoleCache.open(ConsoleCache.stem(dir, Optional.empty()), InspectedCacheFile.check());
        cache.proposals().bindGateway("this-gateway");
        sender = new OutboxSender(client, cache.outbox(), cache.proposals(), Clock.systemUTC());
        key = new SoftwareSigner(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
    }

    @AfterEach
    void stop() throws Exception {
        cache.close();
        server.close();
    }

    @Test
    void onlyRefusalsAboutTheDecisionItselfAreFinal() {
        assertTrue(OutboxSender.isFinal(refusal(409, "stale-proposal")));
        assertTrue(OutboxSender.isFinal(refusal(409, "nonce-replayed")));
        assertTrue(OutboxSender.isFinal(refusal(403, "key-revoked")));
        assertTrue(OutboxSender.isFinal(refusal(413, "payload-too-large")), "the same bytes never fit");
        assertFalse(OutboxSender.isFinal(refusal(500, "internal-error")));
        assertFalse(OutboxSender.isFinal(refusal(401, "session-expired")));
        assertFalse(OutboxSender.isFinal(refusal(403, "session-mismatch")), "the session, not the decision");
        assertFalse(OutboxSender.isFinal(new GatewayProblemException(new Problem("about:blank", "Bad Gateway", 404,
                null, null, null, null, null))), "a proxy's answer says nothing about the decision");
    }

    @Test
    void aRefusalIsCheckedAgainstTheGatewaysRecordsFirst() throws Exception {
        // the first attempt was recorded, its answer lost, the idempotency key forgotten: now "proposal-closed"
        OutboxEntry mine = add("prp_closed_by_me");
        postAnswers.put("prp_closed_by_me", problem(409, "proposal-closed"));
        recordsOf.put("prp_closed_by_me", record("rec_1", "prp_closed_by_me", 7, mine.envelopeJson()));
        OutboxEntry other = add("prp_closed_by_someone");
        postAnswers.put("prp_closed_by_someone", problem(409, "proposal-closed"));

        OutboxSender.Flush flush = sender.flush();
        assertEquals(1, flush.recorded().size());
        assertEquals(1, flush.refused().size());
        OutboxEntry recorded = cache.outbox().entry(mine.idempotencyKey()).orElseThrow();
        assertEquals(OutboxEntry.State.RECORDED, recorded.state());
        assertEquals("rec_1", recorded.recordId());
        OutboxEntry refused = cache.outbox().entry(other.idempotencyKey()).orElseThrow();
        assertEquals(OutboxEntry.State.REFUSED, refused.state());
        assertEquals("proposal-closed", refused.problemType());
    }

    @Test
    void aKeyReusedAnswerMeansAnEarlierAttemptWasRecorded() throws Exception {
        OutboxEntry mine = add("prp_key_reused");
        postAnswers.put("prp_key_reused", problem(409, "idempotency-key-reused"));
        recordsOf.put("prp_key_reused", record("rec_2", "prp_key_reused", 9, mine.envelopeJson()));
        assertEquals(OutboxEntry.State.RECORDED, sender.send(mine.idempotencyKey()).state());
    }

    @Test
    void anEntryTheGatewayFailsOnDoesNotHoldUpTheOthers() throws Exception {
        OutboxEntry poison = add("prp_poison"); // answered 500 every time
        OutboxEntry fine = add("prp_fine");
        postAnswers.put("prp_fine", json(201, "{\"recordId\":\"rec_3\",\"proposalId\":\"prp_fine\","
                + "\"status\":\"approved\",\"approvalsGiven\":1,\"approvalsRequired\":1,\"logIndex\":3}"));

        OutboxSender.Flush flush = sender.flush();
        assertEquals(1, flush.failed());
        assertNull(flush.stoppedBy());
        assertEquals(OutboxEntry.State.PENDING, cache.outbox().entry(poison.idempotencyKey()).orElseThrow().state());
        assertEquals(1, cache.outbox().entry(poison.idempotencyKey()).orElseThrow().attempts());
        assertEquals(OutboxEntry.State.RECORDED, cache.outbox().entry(fine.idempotencyKey()).orElseThrow().state());
    }

    @Test
    void anUnreachableGatewayStopsTheFlushAndLeavesEverythingPending() throws Exception {
        OutboxEntry first = add("prp_a");
        add("prp_b");
        server.close();
        OutboxSender.Flush flush = sender.flush();
        assertInstanceOf(GatewayUnavailableException.class, flush.stoppedBy());
        assertEquals(2, cache.outbox().pending().size());
        String lastError = cache.outbox().entry(first.idempotencyKey()).orElseThrow().lastError();
        assertTrue(lastError.contains("cannot be reached"), lastError);
    }

    @Test
    void aDecisionSignedForAnotherGatewayIsNeverSentHere() throws Exception {
        Decision decision = decision("prp_elsewhere");
        cache.outbox().add("decision-elsewhere", DecisionRecords.sign(DecisionRecords.statement(
                "proposal:prp_elsewhere@v1", "0".repeat(64), decision), key), decision, "another-gateway",
                Instant.now());
        OutboxSender.Flush flush = sender.flush();
        assertEquals(0, posts.get());
        assertEquals(0, flush.recorded().size() + flush.refused().size());
        assertEquals(1, cache.outbox().pending().size(), "it waits for its own gateway");
    }

    @Test
    void theExactStoredBytesAreSentUnderTheSameKey() throws Exception {
        OutboxEntry mine = add("prp_bytes");
        postAnswers.put("prp_bytes", json(201, "{\"recordId\":\"rec_4\",\"proposalId\":\"prp_bytes\","
                + "\"status\":\"pending\",\"approvalsGiven\":1,\"approvalsRequired\":2,\"logIndex\":4}"));
        sender.send(mine.idempotencyKey());
        RecordedRequest posted = server.takeRequest();
        assertEquals(mine.envelopeJson(), posted.getBody().string(StandardCharsets.UTF_8));
        assertEquals(mine.idempotencyKey(), posted.getHeaders().get("Idempotency-Key"));
    }

    private OutboxEntry add(String proposalId) throws Exception {
        Decision decision = decision(proposalId);
        DsseEnvelope envelope = DecisionRecords.sign(DecisionRecords.statement("proposal:" + proposalId + "@v1",
                "a".repeat(64), decision), key);
        return cache.outbox().add("decision-" + proposalId, envelope, decision, "this-gateway", Instant.now());
    }

    private Decision decision(String proposalId) {
        return new Decision(proposalId, 1, "b".repeat(64), Verdict.APPROVE, ReasonCode.CHANGE_TICKET_VERIFIED,
                "Checked.", null, "r@northwind.example", key.keyId(), "nonce-" + proposalId, Instant.now(),
                "spiffe://northwind.example/agents/bot", "policy", "1", "countersign-console/test");
    }

    private static String record(String recordId, String proposalId, long logIndex, String envelopeJson) {
        return "{\"recordId\":\"" + recordId + "\",\"proposalId\":\"" + proposalId + "\",\"reviewer\":"
                + "\"r@northwind.example\",\"keyId\":\"" + "c".repeat(64) + "\",\"verdict\":\"approve\","
                + "\"recordedAt\":\"2026-12-01T10:00:00Z\",\"logIndex\":" + logIndex + ",\"envelope\":"
                + envelopeJson + "}";
    }

    private static GatewayProblemException refusal(int status, String code) {
        return new GatewayProblemException(new Problem(Problem.TYPE_PREFIX + code, code, status, null, null, null,
                null, null));
    }

    private static MockResponse problem(int status, String code) {
        return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/problem+json")
                .body("{\"type\":\"" + Problem.TYPE_PREFIX + code + "\",\"title\":\"" + code + "\",\"status\":"
                        + status + ",\"detail\":\"The gateway says " + code + ".\"}").build();
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }
}
