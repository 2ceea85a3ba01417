package dev.countersign.app.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.app.common.Messages;
import dev.countersign.app.common.SyncTaskRunner;
import dev.countersign.app.keys.SoftwareKeyFile;
import dev.countersign.app.settings.ReviewerSettings;
import dev.countersign.app.settings.SettingsStore;
import dev.countersign.app.settings.UnlockPeriod;
import dev.countersign.app.support.FakeDialogService;
import dev.countersign.model.crypto.KeyIds;
import dev.countersign.model.crypto.PublicKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The key window clicked through: what it shows, Lock now, export, and the rotate window it opens. */
class KeysWindowUiTest {
    @TempDir
    Path dataDir;
    private final FxRobot robot = new FxRobot();

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void showsTheKeyLocksItAndExportsThePublicKey() throws Exception {
        FxToolkit.registerPrimaryStage();
        Messages messages = Messages.load(Locale.ENGLISH);
        SyncTaskRunner runner = new SyncTaskRunner();
        Path keyPath = dataDir.resolve("reviewer-key.p12");
        PublicKey key = new SoftwareKeyFile(keyPath).create(KeyWindowFlowTest.PASSPHRASE.toCharArray());
        ReviewerSettings who = new ReviewerSettings("eve@northwind.example", "Eve Window", List.of());
        new SettingsStore(dataDir.resolve("settings.json")).save(who);
        ReviewerKeys keys = new ReviewerKeys(new SoftwareKeyFile(keyPath),
                new SettingsStore(dataDir.resolve("settings.json")));
        ManualTime time = new ManualTime(Instant.parse("2026-12-01T13:00:00Z"));
        SigningSession session = new SigningSession(time.clock(), time);
        FakeDialogService dialogs = new FakeDialogService();
        KeyGate gate = new KeyGate(messages, runner, dialogs, dialogs, keys, session, who);
        Path exported = dataDir.resolve("eve.pub.pem");
        KeysWindow window = new KeysWindow(messages, runner, keys, session, gate, null, time.clock(), signer -> { },
                new KeyFiles() {
                    @Override
                    public Optional<Path> saveTo(String title, String suggestedName) {
                        return Optional.of(exported);
                    }

                    @Override
                    public Optional<Path> openPkcs12(String title) {
                        return Optional.empty();
                    }
                }, (r, e, k) -> null);
        var signer = keys.unlock(KeyWindowFlowTest.PASSPHRASE.toCharArray());
        robot.interact(() -> {
            gate.prepare(null, null, () -> { });
            session.unlock(signer, UnlockPeriod.FIVE_MINUTES);
            window.show(null);
        });

        assertEquals("eve@northwind.example (Eve Window)", text("#keysReviewer"));
        assertTrue(text("#keysSource").startsWith("Software key, encrypted in "), text("#keysSource"));
        assertEquals(KeyIds.of(key), robot.lookup("#keysKeyId").queryAs(TextField.class).getText());
        assertEquals("Short form: " + KeyIds.of(key).substring(0, 12), text("#keysShortId"));
        assertEquals("Ed25519", text("#keysAlgorithm"));
        assertEquals("Unlocked for 5:00 more", text("#keysUnlockState"));

        robot.clickOn("#keysLockNow");
        assertEquals("Locked: the next signature asks for it", text("#keysUnlockState"));
        assertTrue(session.currentSigner().isEmpty());
        assertTrue(robot.lookup("#keysLockNow").queryAs(Button.class).isDisabled());

        robot.clickOn("#keysExport");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(PublicKeys.toPem(key), Files.readString(exported));
        assertEquals("The public key was saved to " + exported + ".", text("#keysMessage"));

        robot.clickOn("#keysRotate");
        assertTrue(robot.lookup("#changeKeyDialog").tryQuery().isPresent());
        assertTrue(robot.lookup("#changeKeySubmit").queryAs(Button.class).isDisabled(), "needs a new passphrase");
        robot.clickOn("Cancel");
        assertTrue(robot.lookup("#changeKeyDialog").tryQuery().isEmpty());
        robot.clickOn("#keysClose");
        assertTrue(robot.lookup("#keysWindow").tryQuery().isEmpty());
    }

    private String text(String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
