package dev.countersign.app.tools;

import dev.countersign.app.common.Alerts;
import dev.countersign.app.common.Messages;
import dev.countersign.app.shell.Theme;
import dev.countersign.app.common.SyncTaskRunner;
import dev.countersign.app.identity.KeyGate;
import dev.countersign.app.identity.KeyPrompts;
import dev.countersign.app.identity.KeysWindow;
import dev.countersign.app.identity.NewKeyDialog;
import dev.countersign.app.identity.NewKeyFormViewModel;
import dev.countersign.app.identity.ReviewerKeys;
import dev.countersign.app.identity.SigningSession;
import dev.countersign.app.identity.UnlockDialog;
import dev.countersign.app.identity.UnlockViewModel;
import dev.countersign.app.keys.SoftwareKeyFile;
import dev.countersign.app.settings.ReviewerSettings;
import dev.countersign.app.settings.SettingsStore;
import dev.countersign.model.RiskTier;
import dev.countersign.model.api.DecisionRights;
import dev.countersign.model.api.ReviewerView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Dev tool, not a test: shows the key windows on a real display (first run with a token and with a software key,
 * unlock with PIN and with passphrase, the key window, rotation and import) and writes Scene snapshots as PNG.
 * Needs SOFTHSM2_CONF pointing at a SoftHSM2 configuration with an initialised token (PIN 314159).
 *
 * <pre>
 * SOFTHSM2_CONF=/tmp/softhsm/softhsm2.conf xvfb-run -a -s "-screen 0 1920x1200x24" mvn -B -q -pl app exec:exec \
 *   -Dexec.classpathScope=test -Dexec.executable=java -Dexec.args="--add-exports=jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED \
 *   -Dtestfx.robot=glass -cp %classpath dev.countersign.app.tools.KeysScreenshots docs/images"
 * </pre>
 */
public final class KeysScreenshots {
    private static final String PIN = "314159";
    private static final String PASSPHRASE = "correct horse battery staple";
    private static final FxRobot ROBOT = new FxRobot();

    private static String suffix = "";

    private KeysScreenshots() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/images").toAbsolutePath();
        Theme theme = ScreenshotTour.theme(args, 1);
        suffix = ScreenshotTour.suffix(theme);
        Files.createDirectories(out);
        Path home = Files.createTempDirectory("countersign-keys-tour");
        System.setProperty("user.home", home.toString());
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(theme::apply);
        String css = KeysScreenshots.class.getResource("/dev/countersign/app/app.css").toExternalForm();
        Messages messages = Messages.load(Locale.ENGLISH);
        try {
            tokenTour(out, Files.createDirectories(home.resolve(".local/share/countersign")), messages, css);
            softwareTour(out, Files.createDirectories(home.resolve("other/countersign")), messages, css);
        } finally {
            FxToolkit.cleanupStages();
        }
        System.exit(0);
    }

    private static void tokenTour(Path out, Path dataDir, Messages messages, String css) throws Exception {
        SigningSession session = new SigningSession();
        Setup setup = setup(dataDir, messages, css, session, "dana.reyes@northwind.example", "Dana Reyes");
        ROBOT.interact(() -> setup.gate.prepare(null, null, () -> { }));
        ROBOT.clickOn("#sourceToken");
        ROBOT.clickOn("#tokenChoice");
        ROBOT.clickOn(cellStartingWith("countersign-test"));
        ROBOT.clickOn("#tokenPin").write(PIN);
        ROBOT.clickOn("#tokenOpen");
        ROBOT.clickOn("#tokenNewKey");
        ROBOT.clickOn("#firstRunUnlockPeriod").clickOn(cellStartingWith("15 minutes"));
        shoot("#newKeyDialog", out.resolve("keys-first-run-token" + suffix + ".png"));
        ROBOT.clickOn("#createKey");
        pause(500);

        ROBOT.interact(session::lockNow);
        ROBOT.interact(() -> setup.gate.withSigner(s -> { }, () -> { }));
        ROBOT.clickOn("#unlockPeriod").clickOn(cellStartingWith("15 minutes"));
        ROBOT.clickOn("#unlockPassphrase").write("0000");
        ROBOT.clickOn("#unlockKey");
        pause(300);
        shoot("#unlockDialog", out.resolve("keys-unlock-pin" + suffix + ".png"));
        ROBOT.clickOn("#unlockPassphrase").eraseText(4).write(PIN);
        ROBOT.clickOn("#unlockKey");
        pause(300);

        enrolled(session, "Dana Reyes", RiskTier.HIGH);
        ROBOT.interact(() -> setup.window.show(null));
        pause(1200);
        shoot("#keysWindow", out.resolve("keys-window-token" + suffix + ".png"));
        ROBOT.clickOn("#keysRotate");
        ROBOT.clickOn("#changeKeyPin").write(PIN);
        shoot("#changeKeyDialog", out.resolve("keys-rotate-token" + suffix + ".png"));
        FxToolkit.cleanupStages();
    }

    private static void softwareTour(Path out, Path dataDir, Messages messages, String css) throws Exception {
        SigningSession session = new SigningSession();
        Setup setup = setup(dataDir, messages, css, session, "sam.ortiz@northwind.example", "Sam Ortiz");
        ROBOT.interact(() -> setup.gate.prepare(null, null, () -> { }));
        ROBOT.clickOn("#newPassphrase").write(PASSPHRASE);
        ROBOT.clickOn("#confirmPassphrase").write(PASSPHRASE);
        shoot("#newKeyDialog", out.resolve("keys-first-run-software" + suffix + ".png"));
        ROBOT.clickOn("#createKey");
        pause(4000);

        ROBOT.interact(session::lockNow);
        ROBOT.interact(() -> setup.gate.withSigner(s -> { }, () -> { }));
        ROBOT.clickOn("#unlockPassphrase").write(PASSPHRASE);
        shoot("#unlockDialog", out.resolve("keys-unlock-passphrase" + suffix + ".png"));
        ROBOT.clickOn("#unlockKey");
        pause(3000);

        enrolled(session, "Sam Ortiz", RiskTier.CRITICAL);
        ROBOT.interact(() -> setup.window.show(null));
        pause(500);
        shoot("#keysWindow", out.resolve("keys-window-software" + suffix + ".png"));
        ROBOT.clickOn("#keysImport");
        ROBOT.clickOn("#importChoose");
        ROBOT.clickOn("#importFilePassphrase").write("the other tool");
        ROBOT.clickOn("#changeKeyPassphrase").write("short");
        shoot("#changeKeyDialog", out.resolve("keys-import" + suffix + ".png"));
    }

    private record Setup(KeyGate gate, KeysWindow window) {}

    private static Setup setup(Path dataDir, Messages messages, String css, SigningSession session, String reviewer,
            String name) {
        SyncTaskRunner runner = new SyncTaskRunner();
        ReviewerKeys keys = new ReviewerKeys(new SoftwareKeyFile(dataDir.resolve("reviewer-key.p12")),
                new SettingsStore(dataDir.resolve("settings.json")));
        KeyPrompts prompts = new KeyPrompts() {
            @Override
            public void showNewKey(NewKeyFormViewModel form) {
                NewKeyDialog.show(form, messages, null, css, dataDir.resolve("reviewer-key.p12"));
            }

            @Override
            public void showUnlock(UnlockViewModel unlock) {
                UnlockDialog.show(unlock, messages, null, css);
            }
        };
        Alerts quiet = new Alerts() {
            @Override
            public void showError(String title, String message, String details) {
                System.out.println(title + ": " + message);
            }

            @Override
            public void showInfo(String title, String message, String copyable) {
            }

            @Override
            public void confirm(String title, String message, String confirmLabel, Runnable yes, Runnable no) {
                no.run();
            }
        };
        KeyGate gate = new KeyGate(messages, runner, prompts, quiet, keys, session,
                new ReviewerSettings(reviewer, name, List.of("sre", "platform-security")));
        Path p12 = dataDir.resolveSibling("laptop-key.p12");
        KeysWindow window = new KeysWindow(messages, runner, keys, session, gate, css, Clock.systemDefaultZone(),
                signer -> { }, new dev.countersign.app.identity.KeyFiles() {
                    @Override
                    public Optional<Path> saveTo(String title, String suggestedName) {
                        return Optional.empty();
                    }

                    @Override
                    public Optional<Path> openPkcs12(String title) {
                        return Optional.of(p12);
                    }
                }, (r, e, k) -> null);
        return new Setup(gate, window);
    }

    private static void enrolled(SigningSession session, String name, RiskTier tier) throws Exception {
        ROBOT.interact(() -> {
            session.enrolled(SigningSession.Enrollment.ENROLLED);
            ReviewerSettings who = session.reviewerProperty().get();
            session.known(new ReviewerView(who.reviewer(), name, who.roles(), List.of(new ReviewerView.Key(
                    session.keyIdProperty().get(), "ecdsa-p256", Instant.now().minus(Duration.ofDays(2)), null)),
                    DecisionRights.all(tier)));
        });
    }

    private static Node cellStartingWith(String prefix) {
        return ROBOT.lookup((Node n) -> n instanceof ListCell<?> cell && cell.getText() != null
                && cell.getText().startsWith(prefix)).query();
    }

    private static void shoot(String rootId, Path file) throws Exception {
        pause(400);
        Node root = ROBOT.lookup(rootId).query();
        Window window = root.getScene().getWindow();
        if (window instanceof Stage stage) {
            ROBOT.interact(stage::sizeToScene);
        }
        pause(200);
        ScreenshotTour.snapshot(root.getScene(), file);
    }

    private static void pause(long millis) throws InterruptedException {
        Thread.sleep(millis);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
