package dev.countersign.app.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.app.queue.QueueRow;
import dev.countersign.app.review.DecisionViewModel.Tone;
import dev.countersign.app.support.ConsoleModels;
import dev.countersign.app.support.FakeDialogService.Answer;
import dev.countersign.app.support.TestGateway;
import dev.countersign.model.Conditions;
import dev.countersign.model.Proposal;
import dev.countersign.model.ProposalStatus;
import dev.countersign.model.ReasonCode;
import dev.countersign.model.RiskTier;
import dev.countersign.model.TargetRef;
import dev.countersign.model.Verdict;
import dev.countersign.model.api.DecisionRecordView;
import dev.countersign.model.api.ProposalView;
import dev.countersign.model.record.DecisionRecords;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Friction in proportion to risk: typing the target's name for high and critical approvals, execution windows. */
class DecisionFrictionTest {
    static final String PASSPHRASE = "correct horse battery staple";
    static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm");

    @TempDir
    static Path dir;
    static TestGateway gateway;
    static int reviewers;

    ConsoleModels models;
    DecisionViewModel vm;

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
        models = new ConsoleModels(gateway, home, "friction" + reviewers + "@northwind.example");
        models.dialogs.answer(Answer.type(PASSPHRASE));
        models.connect();
        vm = models.decision;
    }

    @Test
    void approvingAHighOrCriticalChangeNeedsTheTargetsNameTypedExactly() {
        for (RiskTier tier : List.of(RiskTier.HIGH, RiskTier.CRITICAL)) {
            QueueRow row = select(v -> v.status() == ProposalStatus.PENDING && v.proposal().riskTier() == tier);
            String name = models.view(row).proposal().target().name();
            fill(Verdict.APPROVE);
            assertTrue(vm.confirmationRequiredProperty().get());
            assertTrue(vm.confirmationHintProperty().get().contains("type “" + name + "” exactly to approve"),
                    vm.confirmationHintProperty().get());
            assertEquals("Type the target’s name, " + name + ", to confirm this approval.",
                    vm.blockedReasonProperty().get());

            for (String wrong : List.of(name + " ", " " + name, name.toUpperCase(java.util.Locale.ROOT),
                    name.substring(0, name.length() - 1))) {
                vm.typedConfirmationProperty().set(wrong);
                assertFalse(vm.canSubmitProperty().get(), "'" + wrong + "' must not confirm " + name);
                assertEquals("The name you typed is not " + name + ", exactly. Type it as shown: case, digits and"
                        + " punctuation count.", vm.blockedReasonProperty().get());
            }
            String lookalike = name.replaceFirst("[aeo]", "\u0430"); // one Cyrillic а (or е/о lookalike spot)
            lookalike = lookalike.equals(name) ? name + "\u200B" : lookalike;
            vm.typedConfirmationProperty().set(lookalike);
            assertFalse(vm.canSubmitProperty().get());
            assertEquals("The name you typed contains hidden or look-alike characters, so it is not " + name
                    + ". Type it with ordinary letters.", vm.blockedReasonProperty().get());
            vm.typedConfirmationProperty().set(name + "\u200B");
            assertFalse(vm.canSubmitProperty().get(), "a zero-width space after the name");

            vm.typedConfirmationProperty().set(name);
            assertTrue(vm.canSubmitProperty().get(), vm.blockedReasonProperty().get());

            vm.verdictProperty().set(Verdict.DENY);
            vm.typedConfirmationProperty().set("");
            assertFalse(vm.confirmationRequiredProperty().get(), "denying is the safe direction");
            assertTrue(vm.canSubmitProperty().get(), vm.blockedReasonProperty().get());
        }
    }

    @Test
    void lowAndMediumApprovalsNeedNoTypedName() {
        for (RiskTier tier : List.of(RiskTier.LOW, RiskTier.MEDIUM)) {
            if (models.queue.rows().stream().noneMatch(r -> r.summary().riskTier() == tier
                    && r.summary().status() == ProposalStatus.PENDING)) {
                continue;
            }
            select(v -> v.status() == ProposalStatus.PENDING && v.proposal().riskTier() == tier);
            fill(Verdict.APPROVE);
            assertFalse(vm.confirmationRequiredProperty().get());
            assertTrue(vm.canSubmitProperty().get(), vm.blockedReasonProperty().get());
        }
    }

    @Test
    void aHighRiskTargetWhoseNameHidesCharactersCannotBeApprovedByTypingIt() {
        QueueRow row = select(v -> v.status() == ProposalStatus.PENDING
                && v.proposal().riskTier().compareTo(RiskTier.HIGH) >= 0 && v.approvals().isEmpty());
        ProposalView real = models.view(row);
        Proposal p = real.proposal();
        TargetRef t = p.target();
        String hostile = "svc-settle\u202Etnem\u202C-p\u0430yroll";
        Proposal renamed = new Proposal(p.id(), p.version(), p.agent(), p.actionType(),
                new TargetRef(t.id(), hostile, t.kind(), t.provider()), p.environment(), p.parameters(), p.intent(),
                p.riskTier(), p.createdAt(), p.expiresAt());
        models.queue.put(new ProposalView(renamed, real.context(), DecisionRecords.proposalDigest(renamed),
                real.contextDigest(), real.status(), real.approvalsRequired(), real.approvals(), real.updatedAt()));
        fill(Verdict.APPROVE);
        assertTrue(vm.confirmationHintProperty().get().contains("svc-settle⟦U+202E⟧tnem⟦U+202C⟧-p\u0430yroll"),
                vm.confirmationHintProperty().get());
        for (String typed : List.of(hostile, "svc-settle⟦U+202E⟧tnem⟦U+202C⟧-p\u0430yroll", "")) {
            vm.typedConfirmationProperty().set(typed);
            assertFalse(vm.canSubmitProperty().get());
            assertTrue(vm.blockedReasonProperty().get().startsWith("The target’s name, svc-settle⟦U+202E⟧tnem"
                    + "⟦U+202C⟧-p\u0430yroll, contains 3 hidden or look-alike characters, so a high-risk approval"
                    + " cannot be confirmed by typing it."), vm.blockedReasonProperty().get());
        }
        vm.verdictProperty().set(Verdict.DENY);
        assertTrue(vm.canSubmitProperty().get(), "it can still be denied");
    }

    @Test
    void theWindowDefaultsToNowUntilExpiryAndSaysWhatIsWrong() {
        QueueRow row = select(v -> v.status() == ProposalStatus.PENDING
                && v.proposal().riskTier().compareTo(RiskTier.HIGH) < 0);
        ProposalView shown = models.view(row);
        fill(Verdict.APPROVE);
        ExecutionWindowForm w = vm.window();
        w.enabledProperty().set(true);
        LocalDateTime now = LocalDateTime.now(w.zone()).truncatedTo(ChronoUnit.MINUTES);
        LocalDateTime expiry = LocalDateTime.ofInstant(shown.proposal().expiresAt(), w.zone())
                .truncatedTo(ChronoUnit.MINUTES);
        assertEquals(expiry.toLocalDate(), w.endDateProperty().get());
        assertEquals(HHMM.format(expiry), w.endTimeProperty().get());
        assertNotNull(w.startDateProperty().get());
        assertTrue(vm.canSubmitProperty().get(), vm.blockedReasonProperty().get());
        assertTrue(vm.windowNoteProperty().get().startsWith("Times in "), vm.windowNoteProperty().get());

        w.startTimeProperty().set("25:00");
        assertEquals("Write the window’s start time as HH:MM, 24-hour (for example 14:30).",
                vm.blockedReasonProperty().get());
        w.startTimeProperty().set("");
        assertFalse(vm.canSubmitProperty().get());
        set(w, now, now.minusMinutes(5));
        assertEquals("The window must end after it starts.", vm.blockedReasonProperty().get());
        set(w, now.minusHours(2), now.plusMinutes(30));
        assertEquals("The window cannot start in the past: start it now or later.", vm.blockedReasonProperty().get());
        set(w, now.plusMinutes(10), expiry.plusMinutes(2));
        assertEquals("The window must end by the proposal’s expiry, "
                + w.local(shown.proposal().expiresAt()) + ".", vm.blockedReasonProperty().get());
        w.endDateProperty().set(null);
        assertEquals("Pick the window’s end date.", vm.blockedReasonProperty().get());
        set(w, now.plusMinutes(10), expiry);
        assertTrue(vm.canSubmitProperty().get(), vm.blockedReasonProperty().get());

        vm.verdictProperty().set(Verdict.DENY);
        set(w, now, now.minusMinutes(5));
        assertTrue(vm.canSubmitProperty().get(), "a denial carries no window: " + vm.blockedReasonProperty().get());
    }

    @Test
    void anApprovalWithAWindowIsRecordedWithItsConditions() throws Exception {
        QueueRow row = select(v -> v.status() == ProposalStatus.PENDING
                && v.approvals().isEmpty() && v.proposal().riskTier().compareTo(RiskTier.HIGH) >= 0);
        ProposalView shown = models.view(row);
        fill(Verdict.APPROVE);
        vm.typedConfirmationProperty().set(shown.proposal().target().name());
        ExecutionWindowForm w = vm.window();
        w.enabledProperty().set(true);
        LocalDateTime start = LocalDateTime.now(w.zone()).truncatedTo(ChronoUnit.MINUTES).plusMinutes(5);
        LocalDateTime end = LocalDateTime.ofInstant(shown.proposal().expiresAt(), w.zone())
                .truncatedTo(ChronoUnit.MINUTES);
        set(w, start, end);
        assertTrue(vm.canSubmitProperty().get(), vm.blockedReasonProperty().get());
        models.dialogs.answer(Answer.type(PASSPHRASE));
        vm.submit();
        assertEquals(Tone.SUCCESS, vm.toneProperty().get(), vm.messageProperty().get());
        assertFalse(w.enabledProperty().get(), "the form is cleared");
        assertEquals("", vm.typedConfirmationProperty().get());

        List<DecisionRecordView> records = gateway.client().decisions(shown.proposal().id()).records();
        assertEquals(1, records.size());
        Conditions c = DecisionRecords.verify(records.get(0).envelope(), models.session.publicKey().orElseThrow())
                .decision().conditions();
        assertEquals(new Conditions(ZonedDateTime.of(start, w.zone()).toInstant(),
                ZonedDateTime.of(end, w.zone()).toInstant()), c);
    }

    @Test
    void theFormIsClearedForTheNextProposal() {
        select(v -> v.status() == ProposalStatus.PENDING && v.proposal().riskTier().compareTo(RiskTier.HIGH) >= 0);
        fill(Verdict.APPROVE);
        vm.typedConfirmationProperty().set("something");
        vm.window().enabledProperty().set(true);
        QueueRow other = models.queue.rows().stream().filter(r -> r != models.queue.selectedProperty().get())
                .findFirst().orElseThrow();
        models.queue.selectedProperty().set(other);
        assertEquals("", vm.typedConfirmationProperty().get());
        assertFalse(vm.window().enabledProperty().get());
        assertNull(vm.window().startDateProperty().get());
    }

    private static void set(ExecutionWindowForm w, LocalDateTime start, LocalDateTime end) {
        w.startDateProperty().set(start.toLocalDate());
        w.startTimeProperty().set(HHMM.format(start));
        w.endDateProperty().set(end.toLocalDate());
        w.endTimeProperty().set(HHMM.format(end));
    }

    private void fill(Verdict verdict) {
        vm.verdictProperty().set(verdict);
        vm.reasonCodeProperty().set(ReasonCode.CHANGE_TICKET_VERIFIED);
        vm.reasonTextProperty().set("CHG-1 checked.");
    }

    private QueueRow select(Predicate<ProposalView> which) {
        QueueRow row = models.queue.rows().stream().filter(r -> which.test(models.view(r))).findFirst().orElseThrow();
        models.queue.selectedProperty().set(row);
        return row;
    }
}
