package dev.countersign.app.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.app.common.Alerts;
import dev.countersign.app.common.Messages;
import dev.countersign.app.common.SyncTaskRunner;
import dev.countersign.app.keys.SoftHsm;
import dev.countersign.app.keys.SoftwareKeyFile;
import dev.countersign.app.keys.TokenKey;
import dev.countersign.app.settings.KeySource;
import dev.countersign.app.settings.ReviewerSettings;
import dev.countersign.app.settings.SettingsStore;
import dev.countersign.app.settings.UnlockPeriod;
import dev.countersign.model.crypto.SignatureAlgorithm;
import dev.countersign.model.crypto.Signer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** First run with a hardware token, clicked through in the real windows (SoftHSM2 stands in for the token). */
class FirstRunTokenUiTest {
    private static final String STYLESHEET = FirstRunTokenUiTest.class
            .getResource("/dev/countersign/app/app.css").toExternalForm();

    @TempDir
    Path dataDir;
    private final FxRobot robot = new FxRobot();
    private final Messages messages = Messages.load(Locale.ENGLISH);
    private final SyncTaskRunner runner = new SyncTaskRunner();
    private final ManualTime time = new ManualTime(Instant.parse("2026-12-01T12:00:00Z"));
    private final SigningSession session = new SigningSession(time.clock(), time);
    private final List<String> alerts = new ArrayList<>();
    private ReviewerKeys keys;
    private KeyGate gate;

    @BeforeEach
    void start() throws Exception {
        SoftHsm.info(SoftHsm.SECOND_LABEL);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> javafx.application.Application.setUserAgentStylesheet(
                new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet()));
        keys = new ReviewerKeys(new SoftwareKeyFile(dataDir.resolve("reviewer-key.p12")),
                new SettingsStore(dataDir.resolve("settings.json")));
        KeyPrompts windows = new KeyPrompts() {
            @Override
            public void showNewKey(NewKeyFormViewModel form) {
                NewKeyDialog.show(form, messages, null, STYLESHEET, dataDir.resolve("reviewer-key.p12"));
            }

            @Override
            public void showUnlock(UnlockViewModel unlock) {
                UnlockDialog.show(unlock, messages, null, STYLESHEET);
            }
        };
        Alerts quiet = new Alerts() {
            @Override
            public void showError(String title, String message, String details) {
                alerts.add(title + ": " + message);
            }

            @Override
            public void showInfo(String title, String message, String copyable) {
                alerts.add(title);
            }

            @Override
            public void confirm(String title, String message, String confirmLabel, Runnable yes, Runnable no) {
                alerts.add(title);
                no.run();
            }
        };
        gate = new KeyGate(messages, runner, windows, quiet, keys, session,
                new ReviewerSettings("dee@northwind.example", "Dee Token", List.of()));
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void pickTokenEnterPinMakeAKeyOnTheTokenThenUnlockWithThePinForFiveMinutes() throws Exception {
        List<String> ready = new ArrayList<>();
        robot.interact(() -> gate.prepare(null, null, () -> ready.add("ready")));
        robot.clickOn("#sourceToken");
        assertTrue(text("#tokenStatus").endsWith("tokens found."), text("#tokenStatus"));

        robot.clickOn("#tokenChoice");
        robot.clickOn(cellStartingWith(SoftHsm.SECOND_LABEL + " — SoftHSM project SoftHSM v2 · serial "));
        robot.clickOn("#tokenPin").write("000000");
        robot.clickOn("#tokenOpen");
        assertEquals("The token refused that PIN. Check it and try again; most tokens lock after a few wrong tries.",
                text("#tokenError"));
        assertTrue(robot.lookup("#createKey").queryButton().isDisabled(), "nothing to use before the token opens");

        robot.clickOn("#tokenPin").push(KeyCode.SHORTCUT, KeyCode.A).write(SoftHsm.PIN);
        robot.clickOn("#tokenOpen");
        assertTrue(text("#tokenStatus").startsWith("Token " + SoftHsm.SECOND_LABEL + " is open"), text("#tokenStatus"));
        assertFalse(robot.lookup("#tokenError").query().isVisible());
        robot.clickOn("#tokenNewKey");
        String label = "dee-" + System.nanoTime() % 1_000_000;
        robot.clickOn("#tokenNewKeyLabel").push(KeyCode.SHORTCUT, KeyCode.A).write(label);
        assertEquals("Use this key", robot.lookup("#createKey").queryButton().getText());
        robot.clickOn("#createKey");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(List.of("ready"), ready);
        assertTrue(robot.lookup("#newKeyDialog").tryQuery().isEmpty(), "the first-run window closed");
        ReviewerSettings saved = new SettingsStore(dataDir.resolve("settings.json")).load().orElseThrow();
        assertEquals("dee@northwind.example", saved.reviewer());
        assertEquals(KeySource.Kind.PKCS11, saved.keySource().kind());
        assertEquals(SoftHsm.SECOND_LABEL, saved.keySource().tokenLabel());
        assertEquals(label, saved.keySource().keyLabel());
        Signer signer = session.currentSigner().orElseThrow();
        assertEquals(SignatureAlgorithm.ECDSA_P256_SHA256, signer.algorithm());
        List<TokenKey> onToken = keys.token(saved.keySource()).keys(SoftHsm.PIN.toCharArray());
        assertTrue(onToken.stream().anyMatch(k -> k.alias().equals(label) && k.keyId().equals(signer.keyId())),
                "the signer is the key made on the token");
        assertTrue(alerts.stream().allMatch(a -> a.startsWith("Ask an admin")), alerts.toString());

        // later: the unlock window asks for the PIN, names the token, and offers a period
        session.lockNow();
        List<Signer> got = new ArrayList<>();
        robot.interact(() -> gate.withSigner(got::add, () -> got.add(null)));
        assertEquals("PIN", ((Label) robot.lookup("#unlockDialog .label").queryAll().stream()
                .filter(n -> n instanceof Label l && "PIN".equals(l.getText())).findFirst().orElseThrow()).getText());
        assertTrue(robot.lookup("#unlockDialog").queryAll().size() == 1);
        robot.clickOn("#unlockPeriod");
        robot.clickOn(cellStartingWith("5 minutes"));
        robot.clickOn("#unlockPassphrase").write(SoftHsm.PIN);
        robot.clickOn("#unlockKey");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(signer.keyId(), got.get(0).keyId());
        assertTrue(session.unlockedProperty().get(), "unlocked for five minutes");
        assertEquals(Instant.parse("2026-12-01T12:05:00Z"), session.unlockedUntilProperty().get());
        assertEquals(UnlockPeriod.FIVE_MINUTES, new SettingsStore(dataDir.resolve("settings.json")).load()
                .orElseThrow().unlockPeriod(), "the choice is remembered");
    }

    private Node cellStartingWith(String prefix) {
        return robot.lookup((Node n) -> n instanceof ListCell<?> cell && cell.getText() != null
                && cell.getText().startsWith(prefix)).query();
    }

    private String text(String query) {
        return ((Label) robot.lookup(query).query()).getText();
    }
}
