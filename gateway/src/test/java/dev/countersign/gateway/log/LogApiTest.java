package dev.countersign.gateway.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.gateway.Gateway;
import dev.countersign.gateway.GatewayConfig;
import dev.countersign.gateway.GatewayStartException;
import dev.countersign.gateway.support.DecisionSigner;
import dev.countersign.gateway.support.Reply;
import dev.countersign.gateway.support.TestReviewer;
import dev.countersign.gateway.support.TestWorld;
import dev.countersign.model.Verdict;
import dev.countersign.model.api.DecisionRecordView;
import dev.countersign.model.api.LogSegment;
import dev.countersign.model.api.ProposalView;
import dev.countersign.model.api.SignedCheckpoint;
import dev.countersign.model.crypto.KeyIds;
import dev.countersign.model.crypto.PublicKeys;
import dev.countersign.model.json.Digests;
import dev.countersign.model.log.Checkpoint;
import dev.countersign.model.log.Checkpoints;
import dev.countersign.model.log.LogEntry;
import dev.countersign.model.log.LogVerificationException;
import dev.countersign.model.log.LogVerifier;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decision log over real HTTP: checkpoints and segments verify, and tampering is caught and named. */
class LogApiTest {
    @TempDir
    Path dataDir;

    /** Four decisions: an approval, a denial, and two approvals of a two-approval proposal. */
    private static void decideFour(TestWorld world) {
        TestReviewer alice = TestReviewer.ed25519("alice@example.test").enrollAt(world.http, "platform-security", "sre");
        TestReviewer bob = TestReviewer.p256("bob@example.test").enrollAt(world.http, "platform-security", "sre");
        decide(world, world.submit("nhi-b", "dev"), alice, Verdict.APPROVE);
        decide(world, world.submit("nhi-b", "dev"), alice, Verdict.DENY);
        ProposalView two = world.submit("nhi-a", "prod");
        decide(world, two, alice, Verdict.APPROVE);
        decide(world, two, bob, Verdict.APPROVE);
    }

    private static void decide(TestWorld world, ProposalView view, TestReviewer reviewer, Verdict verdict) {
        String nonce = world.nonce(view.proposal().id());
        world.expect(201, world.decide(DecisionSigner.about(view).by(reviewer).verdict(verdict).nonce(nonce)));
    }

    static SignedCheckpoint checkpoint(TestWorld world) {
        return world.expect(200, world.console().get("/v1/log/checkpoint")).as(SignedCheckpoint.class);
    }

    static LogSegment entries(TestWorld world, long from) {
        return world.expect(200, world.console().get("/v1/log/entries?from=" + from + "&limit=1000"))
                .as(LogSegment.class);
    }

    @Test
    void theCheckpointAndEverySegmentVerifyAndEachEntryNamesItsRecord() throws Exception {
        try (TestWorld world = TestWorld.start(dataDir)) {
            SignedCheckpoint empty = checkpoint(world);
            PublicKey gatewayKey = PublicKeys.fromBase64(empty.gatewayPublicKey());
            assertEquals(0, Checkpoints.verify(empty.checkpoint(), gatewayKey).size());
            LogVerifier.verify(entries(world, 0).entries(), Checkpoints.verify(empty.checkpoint(), gatewayKey));

            decideFour(world);
            SignedCheckpoint signed = checkpoint(world);
            Reply pem = world.expect(200, world.http.get("/v1/log/key"));
            assertTrue(pem.contentType().startsWith("text/plain"), pem.contentType());
            PublicKey fromPem = PublicKeys.fromPem(pem.body());
            assertEquals(KeyIds.of(fromPem), signed.gatewayKeyId());
            assertEquals(KeyIds.of(gatewayKey), signed.gatewayKeyId());
            assertEquals(Checkpoints.PAYLOAD_TYPE, signed.checkpoint().payloadType());

            Checkpoint checkpoint = Checkpoints.verify(signed.checkpoint(), fromPem);
            assertEquals(4, checkpoint.size());
            LogSegment all = entries(world, 0);
            assertEquals(4, all.size());
            LogVerifier.verify(all.entries(), checkpoint);
            for (int from = 1; from <= 4; from++) {
                LogVerifier.verify(entries(world, from).entries(), from, checkpoint);
            }
            assertEquals(2, world.expect(200, world.console().get("/v1/log/entries?from=1&limit=2"))
                    .as(LogSegment.class).entries().size());
            assertEquals(LogEntry.GENESIS, all.entries().get(0).previousHash());
            for (LogEntry entry : all.entries()) {
                DsseEnvelopeHolder record = new DsseEnvelopeHolder(world.expect(200,
                        world.console().get("/v1/decisions/" + entry.recordId())).as(DecisionRecordView.class));
                assertEquals(Digests.canonicalSha256(record.view.envelope()), entry.recordDigest());
                assertEquals(record.view.logIndex(), entry.index());
            }
            assertEquals("invalid-request", world.console().get("/v1/log/entries?from=-1").problem());
            assertEquals("invalid-request", world.console().get("/v1/log/entries?limit=0").problem());
        }
    }

    private record DsseEnvelopeHolder(DecisionRecordView view) {}

    @Test
    void aSegmentTamperedByTheClientIsCaughtAndTheEntryNamed() throws Exception {
        try (TestWorld world = TestWorld.start(dataDir)) {
            decideFour(world);
            SignedCheckpoint signed = checkpoint(world);
            Checkpoint checkpoint = Checkpoints.verify(signed.checkpoint(),
                    PublicKeys.fromBase64(signed.gatewayPublicKey()));
            List<LogEntry> log = entries(world, 0).entries();

            List<LogEntry> altered = new ArrayList<>(log);
            LogEntry e = log.get(2);
            altered.set(2, new LogEntry(e.index(), e.recordId(), e.proposalId(), e.recordDigest(),
                    e.recordedAt().plusSeconds(1), e.previousHash()));
            assertEquals(2, failing(altered, checkpoint));

            List<LogEntry> removed = new ArrayList<>(log);
            removed.remove(1);
            assertEquals(1, failing(removed, checkpoint));

            List<LogEntry> reordered = new ArrayList<>(log);
            reordered.set(1, log.get(2));
            reordered.set(2, log.get(1));
            assertEquals(1, failing(reordered, checkpoint));
        }
    }

    private static long failing(List<LogEntry> segment, Checkpoint checkpoint) {
        return assertThrows(LogVerificationException.class, () -> LogVerifier.verify(segment, checkpoint)).index();
    }

    @Test
    void anAlteredRowRefusesTheRestartNamingTheEntry() throws Exception {
        assertRestartRefused("UPDATE decision_record SET recorded_at = DATEADD(SECOND, 1, recorded_at)"
                + " WHERE log_index = 1", "entry 1");
    }

    @Test
    void anAlteredRecordRefusesTheRestartNamingTheEntry() throws Exception {
        assertRestartRefused("UPDATE decision_record SET envelope_json = REPLACE(envelope_json, '\"payloadType\"',"
                + " '\"payloadtype\"') WHERE log_index = 2", "entry 2");
    }

    @Test
    void aChangedVerdictColumnRefusesTheRestartNamingTheEntry() throws Exception {
        assertRestartRefused("UPDATE decision_record SET verdict = 'approve' WHERE log_index = 1", "entry 1");
    }

    @Test
    void aChangedReviewerColumnRefusesTheRestartNamingTheEntry() throws Exception {
        assertRestartRefused("UPDATE decision_record SET reviewer = 'mallory@example.test' WHERE log_index = 3",
                "entry 3");
    }

    @Test
    void aDeletedRowRefusesTheRestartNamingTheEntry() throws Exception {
        assertRestartRefused("DELETE FROM decision_record WHERE log_index = 1", "entry 1");
    }

    @Test
    void swappedRowsRefuseTheRestartNamingTheEntry() throws Exception {
        assertRestartRefused("UPDATE decision_record SET log_index = -1 WHERE log_index = 1;"
                + "UPDATE decision_record SET log_index = 1 WHERE log_index = 2;"
                + "UPDATE decision_record SET log_index = 2 WHERE log_index = -1", "entry 1");
    }

    private void assertRestartRefused(String sql, String named) throws Exception {
        try (TestWorld world = TestWorld.start(dataDir)) {
            decideFour(world);
        }
        try (Gateway again = TestWorld.startGateway(dataDir, Clock.systemUTC(), false)) {
            assertTrue(again.port() > 0, "an untouched log restarts");
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("gateway"), "gateway", "");
                Statement s = c.createStatement()) {
            for (String statement : sql.split(";")) {
                s.execute(statement);
            }
        }
        GatewayStartException refused = assertThrows(GatewayStartException.class,
                () -> Gateway.start(new GatewayConfig(dataDir, "127.0.0.1", 0, false, Clock.systemUTC())).close());
        assertTrue(refused.getMessage().contains("altered") && refused.getMessage().contains(named),
                refused.getMessage());
    }
}
