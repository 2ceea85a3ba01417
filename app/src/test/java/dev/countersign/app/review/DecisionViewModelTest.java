package dev.countersign.app.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.app.queue.QueueRow;
import dev.countersign.app.review.DecisionViewModel.Tone;
import dev.countersign.app.support.ConsoleModels;
import dev.countersign.app.support.FakeDialogService.Answer;
import dev.countersign.app.support.TestGateway;
import dev.countersign.model.Decision;
import dev.countersign.model.Proposal;
import dev.countersign.model.ProposalContext;
import dev.countersign.model.ProposalStatus;
import dev.countersign.model.ReasonCode;
import dev.countersign.model.RiskTier;
import dev.countersign.model.Verdict;
import dev.countersign.model.api.DecisionRecordView;
import dev.countersign.model.api.ProposalView;
import dev.countersign.model.json.Digests;
import dev.countersign.model.record.DecisionRecords;
import dev.countersign.model.record.VerifiedDecision;
import java.nio.file.Path;
import java.net.http.HttpResponse;
import java.net.http.HttpRequest;
import java.net.http.HttpClient;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decision bar's view model: signing what is shown, posting it, and saying what happened. Real gateway. */
class DecisionViewModelTest {
    static final String PASSPHRASE = "correct horse battery staple";

    @TempDir
    static Path dir;
    static TestGateway gateway;
    static int reviewers;

    ConsoleModels models;

    @BeforeAll
    static void startGateway() throws Exception {
        gateway = TestGateway.start(dir);
    }

    @AfterAll
    static void stopGateway() throws Exception {
        gateway.close();
    }

    @BeforeEach
    void firstRun() throws Exception {
        Path home = dir.resolve("reviewer-" + ++reviewers);
        models = new ConsoleModels(gateway, home, "reviewer" + reviewers + "@northwind.example");
        models.dialogs.answer(Answer.type(PASSPHRASE));
        models.connect();
    }

    @Test
    void theReasonCodePickerDoesNotOfferTheGatewaysOwnAutoApproval() {
        List<ReasonCode> choices = models.decision.reasonCodeChoices();
        assertFalse(choices.contains(ReasonCode.POLICY_AUTO_APPROVED));
        assertEquals(ReasonCode.values().length - 1, choices.size());
    }

    @Test
    void saysWhatIsMissingUntilVerdictReasonCodeAndReasonArePresent() {
        DecisionViewModel vm = models.decision;
        assertEquals("Select a proposal in the queue.", vm.blockedReasonProperty().get());
        select(v -> v.status() == ProposalStatus.PENDING);
        assertEquals("Choose Approve or Deny.", vm.blockedReasonProperty().get());
        vm.verdictProperty().set(Verdict.DENY);
        assertEquals("Pick a reason code.", vm.blockedReasonProperty().get());
        vm.reasonCodeProperty().set(ReasonCode.NEEDS_MORE_CONTEXT);
        assertEquals("Write a reason: it is required and signed into the record.", vm.blockedReasonProperty().get());
        vm.reasonTextProperty().set("   ");
        assertFalse(vm.canSubmitProperty().get());
        vm.reasonTextProperty().set("x".repeat(Decision.MAX_REASON_LENGTH + 1));
        assertEquals("The reason is longer than 4,000 characters.", vm.blockedReasonProperty().get());
        vm.reasonTextProperty().set("Ticket missing.");
        assertEquals("", vm.blockedReasonProperty().get());
        assertTrue(vm.canSubmitProperty().get());
    }

    @Test
    void approvingAOneApprovalProposalClosesItAndTheRecordVerifiesWithTheReviewersKey() throws Exception {
        QueueRow row = select(v -> v.status() == ProposalStatus.PENDING && v.approvalsRequired() == 1
                && v.approvals().isEmpty());
        ProposalView shown = models.view(row);
        assertTrue(models.review.digestsMatchProperty().get(), "the console's digests equal the gateway's");
        decide(Verdict.APPROVE, ReasonCode.MATCHES_INTENT, "Matches the change ticket.");

        assertEquals(Tone.SUCCESS, models.decision.toneProperty().get(), models.decision.messageProperty().get());
        assertTrue(models.decision.messageProperty().get().startsWith("Approved. Your signed decision is recorded as"),
                models.decision.messageProperty().get());
        assertEquals("Approved", row.statusProperty().get());
        assertNull(models.decision.verdictProperty().get(), "the form is cleared");
        assertEquals("This proposal is Approved; there is nothing left to decide.",
                models.decision.blockedReasonProperty().get());

        List<DecisionRecordView> records = gateway.client().decisions(shown.proposal().id()).records();
        assertEquals(1, records.size());
        VerifiedDecision verified = DecisionRecords.verify(records.get(0).envelope(),
                models.session.publicKey().orElseThrow());
        Decision decision = verified.decision();
        assertEquals(DecisionRecords.proposalDigest(shown.proposal()), verified.proposalDigest());
        assertEquals(Digests.canonicalSha256(shown.context()), decision.contextDigest());
        assertEquals(shown.context().policyBasis().policyId(), decision.policyId());
        assertEquals(shown.context().policyBasis().policyVersion(), decision.policyVersion());
        assertEquals(shown.proposal().agent().id(), decision.agentId());
        assertEquals("Matches the change ticket.", decision.reasonText());
        assertEquals("countersign-console/test", decision.consoleVersion());
        assertEquals(models.session.reviewerProperty().get().reviewer(), decision.reviewer());
    }

    @Test
    void approvingATwoApprovalProposalShowsOneOfTwoAndRefusesASecondApprovalFromTheSameReviewer() {
        QueueRow row = select(v -> v.status() == ProposalStatus.PENDING && v.approvalsRequired() == 2
                && v.proposal().riskTier() == RiskTier.CRITICAL && v.approvals().isEmpty());
        decide(Verdict.APPROVE, ReasonCode.CHANGE_TICKET_VERIFIED, "CHG-1 verified with on-call.");

        assertEquals(Tone.SUCCESS, models.decision.toneProperty().get(), models.decision.messageProperty().get());
        assertTrue(models.decision.messageProperty().get().contains("1 of 2 approvals"),
                models.decision.messageProperty().get());
        assertEquals("1 of 2 approvals", row.statusProperty().get());
        models.decision.verdictProperty().set(Verdict.APPROVE);
        assertEquals("You already approved this version; another reviewer has to approve it.",
                models.decision.blockedReasonProperty().get());
    }

    @Test
    void aDecisionOnSomethingOtherThanWhatTheGatewayHoldsIsRefusedInPlainWordsAndNothingIsRecorded()
            throws Exception {
        QueueRow row = select(v -> v.status() == ProposalStatus.PENDING && v.approvals().isEmpty());
        ProposalView real = models.view(row);
        Proposal p = real.proposal();
        Proposal altered = new Proposal(p.id(), p.version(), p.agent(), p.actionType(), p.target(), p.environment(),
                p.parameters(), p.intent() + " (edited)", p.riskTier(), p.createdAt(), p.expiresAt());
        // a consistent view of something the gateway does not hold: the console's digests match its own view
        models.queue.put(new ProposalView(altered, real.context(), DecisionRecords.proposalDigest(altered),
                real.contextDigest(), real.status(), real.approvalsRequired(), real.approvals(), real.updatedAt()));
        assertTrue(models.review.digestsMatchProperty().get());

        decide(Verdict.DENY, ReasonCode.SUSPICIOUS_REQUEST, "Looks wrong.");

        assertEquals(Tone.WARNING, models.decision.toneProperty().get());
        assertEquals("The proposal you saw differs from what the gateway holds (version " + p.version() + ")."
                + " Nothing was recorded. Review again before you decide.", models.decision.messageProperty().get());
        assertTrue(models.decision.detailsProperty().get().contains("stale-proposal"));
        assertTrue(gateway.client().decisions(p.id()).records().isEmpty());
        assertEquals(ProposalStatus.PENDING, gateway.client().proposal(p.id()).status());
        assertEquals(Verdict.DENY, models.decision.verdictProperty().get(), "the form is kept until a new review");

        models.decision.reviewAgain();
        assertEquals(real.proposal(), models.review.shown().proposal(), "the workspace shows what the gateway holds");
        assertTrue(models.review.digestsMatchProperty().get());
        assertNull(models.decision.reviewAgainProperty().get());
        assertNull(models.decision.verdictProperty().get(), "the form is cleared for the new review");
        assertNull(models.decision.messageProperty().get());
    }

    @Test
    void digestsThatDoNotMatchWhatIsShownBlockSigning() {
        QueueRow row = select(v -> v.status() == ProposalStatus.PENDING && v.approvals().isEmpty());
        ProposalView real = models.view(row);
        Proposal p = real.proposal();
        Proposal altered = new Proposal(p.id(), p.version(), p.agent(), p.actionType(), p.target(), p.environment(),
                p.parameters(), p.intent() + " (edited in transit)", p.riskTier(), p.createdAt(), p.expiresAt());
        models.queue.put(new ProposalView(altered, real.context(), real.proposalDigest(), real.contextDigest(),
                real.status(), real.approvalsRequired(), real.approvals(), real.updatedAt()));
        assertFalse(models.review.digestsMatchProperty().get(), "the console notices the digests differ");
        models.decision.verdictProperty().set(Verdict.DENY);
        models.decision.reasonCodeProperty().set(ReasonCode.SUSPICIOUS_REQUEST);
        models.decision.reasonTextProperty().set("Looks wrong.");
        assertFalse(models.decision.canSubmitProperty().get());
        assertTrue(models.decision.blockedReasonProperty().get().startsWith("What this console computes from the"
                + " proposal does not match the digests the gateway gave"), models.decision.blockedReasonProperty().get());
    }

    @Test
    void aReviewerWhoseRightsDoNotCoverTheTierCannotSignAndIsToldWhy() throws Exception {
        String who = models.session.reviewerProperty().get().reviewer();
        HttpResponse<String> granted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                gateway.baseUri().resolve("/v1/admin/reviewers/" + who + "/rights"))
                .header("Authorization", "Bearer " + gateway.adminToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"rights\":{\"maxTier\":\"low\"}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, granted.statusCode(), granted.body());
        models.keys.refreshWho();
        select(v -> v.status() == ProposalStatus.PENDING && v.proposal().riskTier().compareTo(RiskTier.LOW) > 0);
        models.decision.verdictProperty().set(Verdict.DENY);
        models.decision.reasonCodeProperty().set(ReasonCode.SUSPICIOUS_REQUEST);
        models.decision.reasonTextProperty().set("Not mine to decide.");
        assertFalse(models.decision.canSubmitProperty().get());
        assertEquals(models.authority.textProperty().get(), models.decision.blockedReasonProperty().get());
        assertTrue(models.decision.blockedReasonProperty().get().contains("low"),
                models.decision.blockedReasonProperty().get());
    }

    @Test
    void aChangedContextSaysSoAndReviewAgainReloadsTheWorkspace() throws Exception {
        QueueRow row = select(v -> v.status() == ProposalStatus.PENDING && v.approvals().isEmpty()
                && !v.context().dependentWorkloads().isEmpty());
        ProposalView real = models.view(row);
        ProposalContext c = real.context();
        // what an earlier snapshot showed: one dependent workload fewer (same time, so the cache takes it as current)
        ProposalContext older = new ProposalContext(c.proposalId(), c.proposalVersion(), c.capturedAt(),
                c.blastRadius(), c.dependentWorkloads().subList(1, c.dependentWorkloads().size()), c.incidents(),
                c.policyBasis());
        models.queue.put(new ProposalView(real.proposal(), older, real.proposalDigest(),
                Digests.canonicalSha256(older), real.status(), real.approvalsRequired(), real.approvals(),
                real.updatedAt()));

        decide(Verdict.DENY, ReasonCode.SUSPICIOUS_REQUEST, "Looks wrong.");

        assertEquals(Tone.WARNING, models.decision.toneProperty().get());
        assertEquals("The platform facts changed since you saw them (context of version " + real.proposal().version()
                + "). Nothing was recorded. Review again before you decide.", models.decision.messageProperty().get());
        assertEquals(real, models.decision.reviewAgainProperty().get());
        assertTrue(gateway.client().decisions(real.proposal().id()).records().isEmpty());

        models.decision.reviewAgain();
        assertEquals(c, models.review.shown().context());
        assertTrue(models.review.digestsMatchProperty().get());
    }

    @Test
    void aProposalThatChangesWhileShownClearsTheFormAndSaysSo() {
        QueueRow row = select(v -> v.status() == ProposalStatus.PENDING && v.approvals().isEmpty());
        models.decision.verdictProperty().set(Verdict.APPROVE);
        models.decision.reasonTextProperty().set("Looks fine.");
        ProposalView v = models.view(row);
        Proposal p = v.proposal();
        Proposal v2 = new Proposal(p.id(), p.version() + 1, p.agent(), p.actionType(), p.target(), p.environment(),
                p.parameters(), p.intent() + " Also widen the scope.", p.riskTier(), p.createdAt(), p.expiresAt());
        models.queue.put(new ProposalView(v2, v.context(), v.proposalDigest(), v.contextDigest(), v.status(),
                v.approvalsRequired(), v.approvals(), v.updatedAt().plusSeconds(1)));

        assertEquals(Tone.WARNING, models.decision.toneProperty().get());
        assertEquals("This proposal changed while it was on screen (now version " + v2.version()
                + "). The form was cleared: read it again before you decide.", models.decision.messageProperty().get());
        assertNull(models.decision.verdictProperty().get());
        assertEquals("", models.decision.reasonTextProperty().get());
    }

    @Test
    void closingTheUnlockWindowSendsNothing() {
        models.session.lock();
        models.dialogs.answer(Answer.cancel());
        QueueRow row = select(v -> v.status() == ProposalStatus.PENDING && v.approvals().isEmpty());
        models.decision.verdictProperty().set(Verdict.DENY);
        models.decision.reasonCodeProperty().set(ReasonCode.OTHER);
        models.decision.reasonTextProperty().set("No.");
        models.decision.submit();
        assertEquals("Not signed: the key was not unlocked. Nothing was sent.",
                models.decision.messageProperty().get());
        assertEquals("Pending", row.statusProperty().get());
        assertFalse(models.decision.busyProperty().get());
    }

    private QueueRow select(Predicate<ProposalView> which) {
        QueueRow row = models.queue.rows().stream().filter(r -> which.test(models.view(r))).findFirst().orElseThrow();
        models.queue.selectedProperty().set(row);
        return row;
    }

    private void decide(Verdict verdict, ReasonCode code, String reason) {
        models.decision.verdictProperty().set(verdict);
        models.decision.reasonCodeProperty().set(code);
        models.decision.reasonTextProperty().set(reason);
        if (models.decision.confirmationRequiredProperty().get()) {
            models.decision.typedConfirmationProperty().set(models.review.shown().proposal().target().name());
        }
        assertTrue(models.decision.canSubmitProperty().get(), models.decision.blockedReasonProperty().get());
        // signing in used the key "only to sign": the decision asks for the passphrase again
        models.dialogs.answer(Answer.type(PASSPHRASE));
        models.decision.submit();
    }
}
