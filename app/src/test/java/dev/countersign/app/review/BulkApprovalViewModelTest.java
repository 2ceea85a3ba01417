package dev.countersign.app.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.app.queue.QueueRow;
import dev.countersign.app.support.ConsoleModels;
import dev.countersign.app.support.FakeDialogService.Answer;
import dev.countersign.app.support.TestGateway;
import dev.countersign.model.ProposalStatus;
import dev.countersign.model.ReasonCode;
import dev.countersign.model.RiskTier;
import dev.countersign.model.Verdict;
import dev.countersign.model.api.DecisionRecordView;
import dev.countersign.model.api.ProposalView;
import dev.countersign.model.record.DecisionRecords;
import dev.countersign.model.record.VerifiedDecision;
import dev.countersign.model.json.Digests;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bulk approval: only LOW may go together; one signed decision per proposal, each bound to its own view. */
class BulkApprovalViewModelTest {
    static final String PASSPHRASE = "correct horse battery staple";

    @TempDir
    Path dir;
    TestGateway gateway;
    ConsoleModels models;
    BulkApprovalViewModel bulk;

    @BeforeEach
    void start() throws Exception {
        gateway = TestGateway.start(dir);
        models = new ConsoleModels(gateway, dir.resolve("home"), "bulk@northwind.example");
        models.dialogs.answer(Answer.type(PASSPHRASE));
        models.connect();
        bulk = new BulkApprovalViewModel(models.messages, models.runner, Clock.systemUTC(), models.keys,
                models.session, models.queue, models.decision.submitterProperty());
    }

    @AfterEach
    void stop() {
        models.stop();
        gateway.close();
    }

    @Test
    void aSelectionWithOneHighRiskProposalIsRefusedAndNothingIsSigned() throws Exception {
        List<QueueRow> selection = new ArrayList<>(open(RiskTier.LOW));
        QueueRow high = open(RiskTier.HIGH).get(0);
        selection.add(high);
        bulk.load(selection);

        String refusal = bulk.refusalProperty().get();
        assertTrue(refusal.startsWith("High and critical changes are never approved in bulk"), refusal);
        assertTrue(refusal.contains(high.id() + " · " + high.summary().targetName() + " (High)"), refusal);
        assertTrue(refusal.contains("Nothing was signed."), refusal);
        assertEquals(refusal, bulk.blockedReasonProperty().get());
        bulk.reasonCodeProperty().set(ReasonCode.MATCHES_INTENT);
        bulk.reasonTextProperty().set("All routine.");
        assertFalse(bulk.canSubmitProperty().get());
        bulk.submit();
        assertTrue(bulk.results().isEmpty());
        for (QueueRow row : selection) {
            assertTrue(gateway.client().decisions(row.id()).records().isEmpty(), row.id());
        }
        assertTrue(models.cacheOutbox().all().isEmpty(), "nothing in the outbox");
    }

    @Test
    void aMediumRiskProposalIsNotApprovedInBulkEither() {
        List<QueueRow> medium = open(RiskTier.MEDIUM);
        if (medium.isEmpty()) {
            return;
        }
        bulk.load(List.of(medium.get(0)));
        assertTrue(bulk.refusalProperty().get().contains("(Medium)"), bulk.refusalProperty().get());
    }

    @Test
    void aLowRiskSelectionRecordsOneDecisionPerProposal() throws Exception {
        List<QueueRow> low = open(RiskTier.LOW);
        assertTrue(low.size() >= 2, "the demo has low-risk proposals pending: " + low.size());
        bulk.load(low);
        assertEquals("", bulk.refusalProperty().get());
        assertEquals("Pick a reason code.", bulk.blockedReasonProperty().get());
        bulk.reasonCodeProperty().set(ReasonCode.MATCHES_INTENT);
        bulk.reasonTextProperty().set("Routine dev and staging hygiene, checked together.");
        assertTrue(bulk.canSubmitProperty().get(), bulk.blockedReasonProperty().get());
        models.dialogs.answer(Answer.type(PASSPHRASE));
        bulk.submit();

        assertEquals(low.size(), bulk.results().size());
        for (BulkApprovalViewModel.Result r : bulk.results()) {
            assertEquals(BulkApprovalViewModel.Outcome.RECORDED, r.outcome(), r.toString());
        }
        assertEquals(low.size() + " of " + low.size() + " recorded. Each proposal’s outcome is listed; anything"
                + " not sent waits in the outbox.", bulk.messageProperty().get());
        for (QueueRow row : low) {
            ProposalView view = gateway.client().proposal(row.id());
            List<DecisionRecordView> records = gateway.client().decisions(row.id()).records();
            assertEquals(1, records.size(), row.id());
            VerifiedDecision verified = DecisionRecords.verify(records.get(0).envelope(),
                    models.session.publicKey().orElseThrow());
            assertEquals(Verdict.APPROVE, verified.decision().verdict());
            assertEquals(row.id(), verified.decision().proposalId());
            assertEquals(view.proposal().version(), verified.decision().proposalVersion());
            assertEquals(Digests.canonicalSha256(view.context()), verified.decision().contextDigest());
            assertEquals(DecisionRecords.proposalDigest(view.proposal()), verified.proposalDigest());
            assertEquals("Routine dev and staging hygiene, checked together.", verified.decision().reasonText());
        }
        assertEquals("Done. Close this window; the queue shows each proposal as it now stands.",
                bulk.blockedReasonProperty().get());
    }

    @Test
    void closingTheUnlockWindowSignsNothing() throws Exception {
        models.session.lock();
        List<QueueRow> low = open(RiskTier.LOW);
        bulk.load(low);
        bulk.reasonCodeProperty().set(ReasonCode.MATCHES_INTENT);
        bulk.reasonTextProperty().set("Routine.");
        models.dialogs.answer(Answer.cancel());
        bulk.submit();
        assertEquals("Not signed: the key was not unlocked. Nothing was sent.", bulk.messageProperty().get());
        for (QueueRow row : low) {
            assertTrue(gateway.client().decisions(row.id()).records().isEmpty());
        }
    }

    private List<QueueRow> open(RiskTier tier) {
        return models.queue.rows().stream().filter(r -> r.summary().riskTier() == tier
                && r.summary().status() == ProposalStatus.PENDING).toList();
    }
}
