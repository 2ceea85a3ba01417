package dev.countersign.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.app.AppComposition;
import dev.countersign.app.common.BreakableText;
import dev.countersign.app.identity.SigningSession;
import dev.countersign.app.keys.SoftwareKeyFile;
import dev.countersign.app.queue.QueueRow;
import dev.countersign.app.support.ConsoleDriver;
import dev.countersign.app.support.Observer;
import dev.countersign.model.ActionType;
import dev.countersign.model.DependentWorkload;
import dev.countersign.model.ProposalStatus;
import dev.countersign.model.ReasonCode;
import dev.countersign.model.RiskTier;
import dev.countersign.model.Verdict;
import dev.countersign.model.api.DecisionRecordView;
import dev.countersign.model.api.ProposalView;
import dev.countersign.model.api.RecordList;
import dev.countersign.model.record.DecisionRecords;
import dev.countersign.model.record.VerifiedDecision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * THE walking-skeleton test: the real console window and the real embedded gateway, first run through the dialog,
 * the critical prod rotation reviewed and approved, and the stored record verified over HTTP with the reviewer's key.
 */
class ConsoleEndToEndTest {
    static final String PASSPHRASE = "correct horse battery staple";

    @TempDir
    Path dataDir;
    ConsoleDriver console;

    @AfterEach
    void stop() throws Exception {
        if (console != null) {
            console.stop();
        }
    }

    @Test
    void firstRunThenReviewApproveAndVerifyTheSignedRecord() throws Exception {
        console = ConsoleDriver.start(dataDir, Duration.ofSeconds(2));
        FxRobot robot = console.robot();

        // first run: the dialog guides the passphrase and creates the key
        console.awaitNode("#newPassphrase", Duration.ofSeconds(30));
        Button create = robot.lookup("#createKey").queryButton();
        robot.clickOn("#newPassphrase").write("too short");
        assertEquals("At least 12 characters: 9 so far.", text("#passphraseHint"));
        assertTrue(create.isDisabled());
        robot.write(" for comfort");
        robot.clickOn("#confirmPassphrase").write("too short for comfurt");
        assertEquals("The two passphrases do not match.", text("#passphraseHint"));
        assertTrue(create.isDisabled());
        robot.clickOn("#newPassphrase").push(KeyCode.SHORTCUT, KeyCode.A).write(PASSPHRASE);
        robot.clickOn("#confirmPassphrase").push(KeyCode.SHORTCUT, KeyCode.A).write(PASSPHRASE);
        assertEquals("The passphrases match.", text("#passphraseHint"));
        assertEquals("you@northwind.example", robot.lookup("#reviewerField")
                .queryTextInputControl().getText());
        robot.clickOn("#firstRunUnlockPeriod").clickOn("15 minutes"); // keep the new key unlocked for a while
        robot.clickOn("#createKey");
        console.awaitGone("#newKeyDialog", Duration.ofSeconds(60));
        ConsoleDriver.await(Duration.ofSeconds(30), () -> console.app().composition().session()
                .enrollmentProperty().get() == SigningSession.Enrollment.ENROLLED);
        assertTrue(Files.exists(dataDir.resolve(AppComposition.KEY_FILE)));
        assertTrue(Files.exists(dataDir.resolve(AppComposition.SETTINGS_FILE)));

        // the queue, from the embedded demo gateway
        console.awaitQueue(14);
        assertEquals("Countersign — demo (embedded gateway)", console.stage().getTitle());
        assertTrue(text("#statusKey").startsWith("Signing as you@northwind.example · key "), text("#statusKey"));
        assertEquals("Connected", text("#statusConnection"));

        // review the critical prod rotation
        QueueRow row = console.row(ConsoleDriver.is(ActionType.ROTATE_CREDENTIAL, RiskTier.CRITICAL, "prod"))
                .orElseThrow();
        ProposalView shown = console.view(row);
        console.select(row);
        assertEquals("Rotate credential", text("#proposalAction"));
        DependentWorkload firstWorkload = shown.context().dependentWorkloads().stream()
                .min(java.util.Comparator.comparingInt(DependentWorkload::depth)
                        .thenComparing(DependentWorkload::criticality).thenComparing(DependentWorkload::name))
                .orElseThrow();
        assertTrue(hasLabel("#workloadsPane", firstWorkload.name()), "workload " + firstWorkload.name());
        assertTrue(hasLabel("#workloadsPane", "no failover"), "a workload without failover stands out");
        String ruleId = shown.context().policyBasis().matchedRules().get(0).id();
        assertTrue(hasLabel("#policyRules", ruleId), "matched rule " + ruleId);
        assertTrue(hasLabel("#incidentsPane", shown.context().incidents().get(0).summary()));
        assertTrue(hasLabel("#blastRadiusPane", Integer.toString(shown.context().blastRadius().identities())));
        assertTrue(text("#intentClaim .claim-attribution").contains(shown.proposal().agent().id() + " claims:"));

        // decide: Approve, a reason code, a reason; Sign & submit
        Button submit = robot.lookup("#signSubmit").queryButton();
        assertTrue(submit.isDisabled());
        robot.clickOn("#approveToggle");
        assertEquals("Pick a reason code.", text("#decisionHint"));
        robot.clickOn("#reasonCode").clickOn("Change ticket verified");
        assertEquals("Write a reason: it is required and signed into the record.", text("#decisionHint"));
        robot.clickOn("#reasonText").write("CHG-4471 verified with payments on-call.");
        // a critical approval: the target's name, typed exactly
        String name = shown.proposal().target().name();
        assertEquals("Type the target’s name, " + name + ", to confirm this approval.", text("#decisionHint"));
        assertTrue(submit.isDisabled());
        robot.clickOn("#typedConfirmation").write(name);
        assertFalse(submit.isDisabled());
        robot.clickOn("#signSubmit");

        ConsoleDriver.await(Duration.ofSeconds(30), () -> "1 of 2 approvals".equals(row.statusProperty().get()));
        assertTrue(text("#decisionMessage").contains("1 of 2 approvals"), text("#decisionMessage"));
        assertTrue(hasLabel("#queueTable", "1 of 2 approvals"), "the queue row shows the outcome");
        assertTrue(text("#statusKey").contains("unlocked until "), text("#statusKey"));
        assertTrue(text("#statusSession").startsWith("Session until "), text("#statusSession"));

        // the gateway holds a record that verifies with the reviewer's own public key
        PublicKey reviewerKey = new SoftwareKeyFile(dataDir.resolve(AppComposition.KEY_FILE)).publicKey();
        RecordList records = fetchRecords(console, dataDir, shown.proposal().id());
        assertEquals(1, records.records().size());
        DecisionRecordView record = records.records().get(0);
        VerifiedDecision verified = DecisionRecords.verify(record.envelope(), reviewerKey);
        assertEquals(Verdict.APPROVE, verified.decision().verdict());
        assertEquals(ReasonCode.CHANGE_TICKET_VERIFIED, verified.decision().reasonCode());
        assertEquals("CHG-4471 verified with payments on-call.", verified.decision().reasonText());
        assertEquals("you@northwind.example", verified.decision().reviewer());
        assertEquals(DecisionRecords.proposalDigest(shown.proposal()), verified.proposalDigest());
        assertEquals(shown.proposal().subjectName(), verified.subjectName());
        assertEquals(ProposalStatus.PENDING, row.summary().status());
        assertEquals(1, row.summary().approvalsGiven());

        // the proposal stays selectable and says why it cannot be approved twice by one reviewer
        robot.clickOn("#approveToggle");
        assertEquals("You already approved this version; another reviewer has to approve it.", text("#decisionHint"));
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    }

    /** The records the gateway holds for a proposal, read as a separate observer, not through the console. */
    static RecordList fetchRecords(ConsoleDriver console, Path dataDir, String proposalId) throws Exception {
        return Observer.signInToEmbedded(console.gatewayUri(), dataDir).decisions(proposalId);
    }

    private String text(String query) {
        Node node = console.robot().lookup(query).query();
        return ((Label) node).getText();
    }

    /** A label, or a long identifier shown wrappable, with exactly this text somewhere inside {@code within}. */
    private boolean hasLabel(String within, String text) {
        return console.robot().lookup(within).lookup((Node n) -> n instanceof Label l && text.equals(l.getText())
                || n instanceof BreakableText t && text.equals(t.text())).tryQuery().isPresent();
    }
}
