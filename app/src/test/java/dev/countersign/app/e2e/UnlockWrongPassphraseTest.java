package dev.countersign.app.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.app.AppComposition;
import dev.countersign.app.keys.SoftwareKeyFile;
import dev.countersign.app.queue.QueueRow;
import dev.countersign.app.settings.ReviewerSettings;
import dev.countersign.app.settings.SettingsStore;
import dev.countersign.app.support.ConsoleDriver;
import dev.countersign.model.ProposalStatus;
import dev.countersign.model.RiskTier;
import dev.countersign.model.Verdict;
import dev.countersign.model.api.RecordList;
import dev.countersign.model.record.DecisionRecords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * A later run: the key already exists, so the console asks for its passphrase to sign in (open a session with the
 * gateway) before it shows the queue. A wrong passphrase gets a clear message and another try, and nothing on disk
 * changes; declining leaves the console signed out, saying so, with a way to sign in later. With the key unlocked
 * "only to sign", each decision asks again.
 */
class UnlockWrongPassphraseTest {
    static final String PASSPHRASE = "a long and correct passphrase";

    @TempDir
    Path dataDir;
    ConsoleDriver console;
    Path keyPath;
    PublicKey publicKey;
    byte[] keyBytes;
    byte[] pubBytes;

    @BeforeEach
    void anExistingKey() throws Exception {
        keyPath = dataDir.resolve(AppComposition.KEY_FILE);
        publicKey = new SoftwareKeyFile(keyPath).create(PASSPHRASE.toCharArray());
        new SettingsStore(dataDir.resolve(AppComposition.SETTINGS_FILE)).save(
                new ReviewerSettings("later@northwind.example", "Later Reviewer", AppComposition.DEMO_ROLES));
        keyBytes = Files.readAllBytes(keyPath);
        pubBytes = Files.readAllBytes(Path.of(keyPath + ".pub.pem"));
    }

    @AfterEach
    void stop() throws Exception {
        if (console != null) {
            console.stop();
        }
    }

    @Test
    void aWrongPassphraseIsRefusedClearlyAndTheRightOneSignsIn() throws Exception {
        console = ConsoleDriver.start(dataDir, Duration.ofSeconds(2));
        FxRobot robot = console.robot();

        console.awaitNode("#unlockPassphrase", Duration.ofSeconds(30));
        assertFalse(console.showing("#newKeyDialog"), "an existing key means no first-run window");
        assertEquals("No session", text("#statusSession"));
        robot.clickOn("#unlockPassphrase").write("this is not it at all");
        robot.clickOn("#unlockKey");
        Label error = console.awaitNode("#unlockError", Duration.ofSeconds(30));
        assertEquals("That passphrase does not unlock this key. Check it and try again.", error.getText());
        assertTrue(console.showing("#unlockDialog"), "the window stays open for another try");
        assertArrayEquals(keyBytes, Files.readAllBytes(keyPath), "the key file is unchanged");
        assertArrayEquals(pubBytes, Files.readAllBytes(Path.of(keyPath + ".pub.pem")));

        robot.clickOn("#unlockPassphrase").write(PASSPHRASE);
        robot.clickOn("#unlockKey");
        console.awaitGone("#unlockDialog", Duration.ofSeconds(30));
        console.awaitQueue(14);
        assertTrue(text("#statusKey").startsWith("Signing as later@northwind.example · key "), text("#statusKey"));
        assertTrue(text("#statusKey").endsWith("locked"), "signing in used the key only to sign");
        assertTrue(text("#statusSession").startsWith("Session until "), text("#statusSession"));

        QueueRow row = console.row(v -> v.status() == ProposalStatus.PENDING && v.approvalsRequired() == 1
                && v.proposal().riskTier() == RiskTier.LOW).orElseThrow();
        console.select(row);
        robot.clickOn("#denyToggle");
        robot.clickOn("#reasonCode").clickOn("Needs more context");
        robot.clickOn("#reasonText").write("No ticket linked.");
        robot.clickOn("#signSubmit");

        console.awaitNode("#unlockPassphrase", Duration.ofSeconds(10));
        assertEquals(ProposalStatus.PENDING, row.summary().status(), "nothing is sent before the key signs");
        robot.clickOn("#unlockPassphrase").write(PASSPHRASE);
        robot.clickOn("#unlockKey");
        console.awaitGone("#unlockDialog", Duration.ofSeconds(30));
        ConsoleDriver.await(Duration.ofSeconds(30), () -> "Denied".equals(row.statusProperty().get()));
        assertTrue(text("#decisionMessage").startsWith("Denied. "), text("#decisionMessage"));

        RecordList records = ConsoleEndToEndTest.fetchRecords(console, dataDir, row.id());
        assertEquals(Verdict.DENY, DecisionRecords.verify(records.records().get(0).envelope(), publicKey)
                .decision().verdict());
        assertArrayEquals(keyBytes, Files.readAllBytes(keyPath), "unlocking never rewrites the key file");
    }

    @Test
    void decliningToSignInLeavesTheConsoleSignedOutWithAWayBackIn() throws Exception {
        console = ConsoleDriver.start(dataDir, Duration.ofSeconds(2));
        FxRobot robot = console.robot();
        console.awaitNode("#unlockPassphrase", Duration.ofSeconds(30));
        robot.clickOn("#unlockCancel");
        console.awaitGone("#unlockDialog", Duration.ofSeconds(10));
        ConsoleDriver.await(Duration.ofSeconds(30), () -> "Signed out".equals(text("#statusConnection")));
        assertTrue(visible("#statusSignIn"), "the status bar offers to sign in");
        assertTrue(console.app().composition().queue().rows().isEmpty(), "nothing was fetched without a session");

        robot.clickOn("#statusSignIn");
        console.awaitNode("#unlockPassphrase", Duration.ofSeconds(10));
        robot.clickOn("#unlockPassphrase").write(PASSPHRASE);
        robot.clickOn("#unlockKey");
        console.awaitQueue(14);
        ConsoleDriver.await(Duration.ofSeconds(30), () -> "Connected".equals(text("#statusConnection")));
        assertFalse(visible("#statusSignIn"));
    }

    private boolean visible(String query) {
        return console.robot().lookup(query).tryQuery().map(javafx.scene.Node::isVisible).orElse(false);
    }

    private String text(String query) {
        return ((Label) console.robot().lookup(query).query()).getText();
    }
}
