package dev.countersign.app.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.app.queue.QueueRow;
import dev.countersign.app.support.ConsoleDriver;
import dev.countersign.app.support.Observer;
import dev.countersign.model.Conditions;
import dev.countersign.model.RiskTier;
import dev.countersign.model.Verdict;
import dev.countersign.model.api.DecisionRecordView;
import dev.countersign.model.api.ProposalView;
import dev.countersign.model.record.DecisionRecords;
import dev.countersign.model.record.VerifiedDecision;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real console and embedded gateway: the hostile demo proposal's claim and parameters show what they hide, and a
 * critical approval is confirmed by typing the target's name, with an execution window the gateway records.
 */
class DecisionBarUiTest {
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
    void hiddenCharactersAreRevealedAndACriticalApprovalIsTypedAndWindowed() throws Exception {
        console = ConsoleDriver.start(dataDir, Duration.ofSeconds(2));
        FxRobot robot = console.robot();
        firstRun(console);

        // the demo's trust-policy rewrite hides bidi isolates and a Cyrillic о
        QueueRow hostile = console.row(v -> v.proposal().intent().contains("CHG-4911")).orElseThrow();
        console.select(hostile);
        String claim = text("#claimWarning");
        assertTrue(claim.startsWith("This text contains 4 hidden characters, shown below as ⟦U+…⟧"), claim);
        assertTrue(claim.contains("• hidden: U+202E RIGHT-TO-LEFT OVERRIDE"), claim);
        assertTrue(claim.contains("• hidden: U+2066 LEFT-TO-RIGHT ISOLATE"), claim);
        assertTrue(text("#intentText").contains("(CHG-4911).⟦U+202E⟧ } ⟦U+2066⟧no new access⟦U+2069⟧ ⟦U+2066⟧"),
                text("#intentText"));
        String params = text("#parameterWarning");
        assertTrue(params.startsWith("The parameters contain"), params);
        assertTrue(params.contains("4 hidden characters and 1 look-alike letter"), params);
        assertTrue(params.contains("о (U+043E CYRILLIC SMALL LETTER O) mixed into “nоrthwind”"), params);

        // a critical approval: reason, a window, the name typed
        QueueRow row = console.row(v -> v.proposal().riskTier() == RiskTier.CRITICAL
                && v.approvals().isEmpty() && v.status() == dev.countersign.model.ProposalStatus.PENDING)
                .orElseThrow();
        ProposalView shown = console.view(row);
        console.select(row);
        Button submit = robot.lookup("#signSubmit").queryButton();
        // approving is never a single keystroke: no default button, no mnemonic on approve or submit
        assertFalse(submit.isDefaultButton());
        assertFalse(submit.isMnemonicParsing());
        assertFalse(robot.lookup("#approveToggle").queryAs(javafx.scene.control.ToggleButton.class)
                .isMnemonicParsing());
        robot.clickOn("#approveToggle");
        robot.clickOn("#reasonCode").clickOn("Change ticket verified");
        robot.clickOn("#reasonText").write("CHG-4471 verified; run it in tonight's window only.");
        assertTrue(robot.lookup("#typedConfirmationRow").query().isVisible());
        String name = shown.proposal().target().name();
        assertTrue(text("#typedConfirmationHint").contains("type “" + name + "” exactly to approve"),
                text("#typedConfirmationHint"));
        robot.clickOn("#windowToggle");
        DatePicker startDate = robot.lookup("#windowStartDate").query();
        TextField startTime = robot.lookup("#windowStartTime").query();
        DatePicker endDate = robot.lookup("#windowEndDate").query();
        TextField endTime = robot.lookup("#windowEndTime").query();
        assertNotNull(endDate.getValue());
        assertTrue(text("#windowZone").startsWith("Times in "), text("#windowZone"));
        LocalDate defaultEndDay = endDate.getValue();
        String defaultEnd = endTime.getText();
        LocalDate startDay = startDate.getValue();
        robot.interact(() -> endDate.setValue(startDay.minusDays(1)));
        assertEquals("The window must end after it starts.", text("#decisionHint"));
        robot.clickOn("#windowEndTime").push(KeyCode.SHORTCUT, KeyCode.A).write("25:00");
        assertEquals("Write the window’s end time as HH:MM, 24-hour (for example 18:00).", text("#decisionHint"));
        robot.interact(() -> endDate.setValue(defaultEndDay));
        robot.clickOn("#windowEndTime").push(KeyCode.SHORTCUT, KeyCode.A).write(defaultEnd);
        assertTrue(submit.isDisabled(), "still needs the name");
        robot.clickOn("#typedConfirmation").write(name.toUpperCase(java.util.Locale.ROOT));
        assertTrue(submit.isDisabled(), "a different case is not the name");
        robot.clickOn("#typedConfirmation").push(KeyCode.SHORTCUT, KeyCode.A).write(name);
        assertFalse(submit.isDisabled(), text("#decisionHint"));
        LocalDate fromDay = startDate.getValue();
        LocalTime from = LocalTime.parse(startTime.getText());
        LocalDate untilDay = endDate.getValue();
        LocalTime until = LocalTime.parse(endTime.getText());
        WaitForAsyncUtils.waitForFxEvents(); // the bar's hints settle (their height moves the button) before the click
        robot.clickOn("#signSubmit");
        ConsoleDriver.await(Duration.ofSeconds(10), () -> !text("#decisionMessage").isEmpty());

        ConsoleDriver.await(Duration.ofSeconds(30), () -> "1 of 2 approvals".equals(row.statusProperty().get())
                || "Approved".equals(row.statusProperty().get()));
        List<DecisionRecordView> records = Observer.signInToEmbedded(console.gatewayUri(), dataDir)
                .decisions(shown.proposal().id()).records();
        assertEquals(1, records.size());
        VerifiedDecision verified = DecisionRecords.verify(records.get(0).envelope(),
                console.app().composition().session().publicKey().orElseThrow());
        assertEquals(Verdict.APPROVE, verified.decision().verdict());
        Conditions c = verified.decision().conditions();
        ZoneId zone = ZoneId.systemDefault();
        assertEquals(new Conditions(fromDay.atTime(from).atZone(zone).toInstant(),
                untilDay.atTime(until).atZone(zone).toInstant()), c);
    }

    static void firstRun(ConsoleDriver console) throws Exception {
        console.createKey(PASSPHRASE);
        console.awaitQueue(15);
    }

    private String text(String query) {
        Node node = console.robot().lookup(query).query();
        return ((Label) node).getText();
    }
}
