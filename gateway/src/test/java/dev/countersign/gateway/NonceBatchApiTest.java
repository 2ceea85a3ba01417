package dev.countersign.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.gateway.support.DecisionSigner;
import dev.countersign.gateway.support.Reply;
import dev.countersign.gateway.support.TestReviewer;
import dev.countersign.gateway.support.TestWorld;
import dev.countersign.model.ProposalStatus;
import dev.countersign.model.api.DecisionReceipt;
import dev.countersign.model.api.NonceBatch;
import dev.countersign.model.api.NonceBatchRequest;
import dev.countersign.model.api.NonceGrant;
import dev.countersign.model.api.NonceRefusal;
import dev.countersign.model.api.ProposalView;
import dev.countersign.model.api.QueuePage;
import dev.countersign.model.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POST /v1/nonces over real HTTP: a nonce for each pending proposal, a refusal for each other. */
class NonceBatchApiTest {
    @TempDir
    static Path dataDir;
    static TestWorld world;
    static TestReviewer alice;

    @BeforeAll
    static void start() {
        world = TestWorld.start(dataDir);
        alice = TestReviewer.ed25519("alice@example.test").enrollAt(world.http, "platform-security", "sre");
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    private static String body(String... ids) {
        return Json.string(new NonceBatchRequest(List.of(ids)));
    }

    private static NonceBatch batch(String... ids) {
        return world.expect(201, world.console().post("/v1/nonces", body(ids))).as(NonceBatch.class);
    }

    private static String cursor() {
        return world.expect(200, world.console().get("/v1/queue")).as(QueuePage.class).nextCursor();
    }

    private static void assertNothingChangedSince(String cursor) {
        QueuePage since = world.expect(200, world.console().get("/v1/queue?cursor=" + cursor)).as(QueuePage.class);
        assertEquals(List.of(), since.items());
    }

    @Test
    void aBatchGrantsANonceForEachPendingProposalAndRefusesTheOthersInOrder() {
        ProposalView first = world.submit("nhi-b", "dev");
        ProposalView second = world.submit("nhi-c", "prod");
        ProposalView approved = world.submit("nhi-b", "dev");
        world.expect(201, world.decide(DecisionSigner.about(approved).by(alice)
                .nonce(world.nonce(approved.proposal().id()))));
        ProposalView expiring = world.submit(TestWorld.submission("nhi-b", "dev", TestWorld.OWNER)
                .replace("\"expiresInMinutes\":240", "\"expiresInMinutes\":1"));
        world.clock.advance(Duration.ofMinutes(2));
        String cursor = cursor();

        NonceBatch batch = batch(first.proposal().id(), "prp_missing", second.proposal().id(),
                approved.proposal().id(), expiring.proposal().id());

        assertEquals(List.of(first.proposal().id(), second.proposal().id()),
                batch.nonces().stream().map(NonceGrant::proposalId).toList());
        assertEquals(first.proposal().expiresAt(), batch.nonces().get(0).expiresAt());
        assertEquals(second.proposal().expiresAt(), batch.nonces().get(1).expiresAt());
        assertNotEquals(batch.nonces().get(0).nonce(), batch.nonces().get(1).nonce());
        assertEquals(List.of("prp_missing", approved.proposal().id(), expiring.proposal().id()),
                batch.refused().stream().map(NonceRefusal::proposalId).toList());
        assertEquals(List.of("not-found", "proposal-closed", "proposal-expired"),
                batch.refused().stream().map(NonceRefusal::type).toList());
        assertEquals("Proposal " + approved.proposal().id() + " is already approved.", batch.refused().get(1).detail());
        // asking for nonces changes no proposal, the refused ones neither
        assertNothingChangedSince(cursor);
        assertEquals(ProposalStatus.APPROVED, world.view(approved.proposal().id()).status());

        // a batched nonce works like a single one: for its proposal only, once
        String nonce = batch.nonces().get(0).nonce();
        Reply otherProposal = world.decide(DecisionSigner.about(second).by(alice).nonce(nonce));
        assertEquals("nonce-invalid", otherProposal.problem());
        DecisionReceipt receipt = world.expect(201, world.decide(DecisionSigner.about(first).by(alice).nonce(nonce)))
                .as(DecisionReceipt.class);
        assertEquals(ProposalStatus.APPROVED, receipt.status());
        ProposalView secondNow = world.view(second.proposal().id());
        assertEquals("nonce-replayed", world.decide(DecisionSigner.about(secondNow).by(alice).nonce(nonce)).problem());
        world.expect(201, world.decide(DecisionSigner.about(secondNow).by(alice)
                .nonce(batch.nonces().get(1).nonce())));
    }

    @Test
    void eachBatchGivesFreshNoncesAndAllRefusedIsStillAnAnswer() {
        ProposalView view = world.submit("nhi-b", "dev");
        String id = view.proposal().id();
        String once = batch(id).nonces().get(0).nonce();
        String again = batch(id).nonces().get(0).nonce();
        assertNotEquals(once, again);

        NonceBatch none = batch("prp_unknown_1", "prp_unknown_2");
        assertEquals(List.of(), none.nonces());
        assertEquals(2, none.refused().size());
    }

    @Test
    void aBadBatchIsRefusedWithItsPath() {
        ProposalView view = world.submit("nhi-b", "dev");
        String id = view.proposal().id();
        String cursor = cursor();
        assertInvalid("{\"proposalIds\":[]}", "$.proposalIds");
        assertInvalid("{}", "$.proposalIds");
        assertInvalid("{\"proposalIds\":[\"" + id + "\",\"" + id + "\"]}", "$.proposalIds[1]");
        assertInvalid("{\"proposalIds\":[\"" + id + "\",\"  \"]}", "$.proposalIds[1]");
        assertInvalid("{\"proposalIds\":[\"" + id + "\"],\"limit\":5}", "$.limit");
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= NonceBatchRequest.MAX_IDS; i++) {
            many.add("\"prp_" + i + "\"");
        }
        Reply tooMany = assertInvalid("{\"proposalIds\":[" + String.join(",", many) + "]}", "$.proposalIds");
        assertTrue(tooMany.detail().contains("1 to 500"), tooMany.detail());
        Reply notJson = world.console().post("/v1/nonces", "{\"proposalIds\":");
        assertEquals(400, notJson.status());
        assertEquals("malformed-json", notJson.problem());
        assertEquals("malformed-json", world.console().post("/v1/nonces", null).problem());
        assertNothingChangedSince(cursor);
    }

    private static Reply assertInvalid(String body, String path) {
        Reply reply = world.console().post("/v1/nonces", body);
        assertEquals(422, reply.status(), reply::toString);
        assertEquals("invalid-request", reply.problem());
        assertEquals(path, reply.json().get("path").asText());
        return reply;
    }

    @Test
    void anIdempotentBatchIsReplayedAndItsKeyCannotBeReused() {
        ProposalView view = world.submit("nhi-b", "dev");
        String id = view.proposal().id();
        Reply first = world.console().post("/v1/nonces", body(id), "Idempotency-Key", "batch-" + id);
        Reply again = world.console().post("/v1/nonces", body(id), "Idempotency-Key", "batch-" + id);
        assertEquals(201, first.status(), first::toString);
        assertEquals(first.body(), again.body());
        assertEquals("true", again.header("Idempotent-Replayed").orElse(""));
        Reply reused = world.console().post("/v1/nonces", body(id, "prp_other"), "Idempotency-Key", "batch-" + id);
        assertEquals(409, reused.status());
        assertEquals("idempotency-key-reused", reused.problem());
    }

    @Test
    void aBatchNeedsASession() {
        ProposalView view = world.submit("nhi-b", "dev");
        Reply none = world.http.post("/v1/nonces", body(view.proposal().id()));
        assertEquals(401, none.status());
        assertEquals("session-required", none.problem());
        Reply bad = world.http.withSession("bm90LWEtdG9rZW4tdGhpcy1nYXRld2F5LWlzc3VlZA").post("/v1/nonces",
                body(view.proposal().id()));
        assertEquals("session-invalid", bad.problem());
    }

    /** Counted in the database itself: a refused batch stores no nonce, a granted one one per pending proposal. */
    @Test
    void onlyGrantedNoncesAreStored() throws Exception {
        Path own = Files.createDirectory(dataDir.resolve("own"));
        try (TestWorld other = TestWorld.start(own)) {
            String a = other.submit("nhi-b", "dev").proposal().id();
            String b = other.submit("nhi-c", "prod").proposal().id();
            assertEquals(422, other.console().post("/v1/nonces", "{\"proposalIds\":[\"" + a + "\",\"" + a + "\"]}")
                    .status());
            assertEquals(401, other.http.post("/v1/nonces", body(a, b)).status());
            assertEquals(201, other.console().post("/v1/nonces", body("prp_missing")).status());
            NonceBatch granted = other.expect(201, other.console().post("/v1/nonces", body(a, "prp_missing", b)))
                    .as(NonceBatch.class);
            assertEquals(2, granted.nonces().size());
        }
        assertEquals(2, count(own, "SELECT COUNT(*) FROM nonce"));
        assertEquals(2, count(own, "SELECT COUNT(DISTINCT proposal_id) FROM nonce WHERE used_by_record IS NULL"));
    }

    private static long count(Path dir, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("gateway"), "gateway", "");
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
