package dev.countersign.app.tools;

import dev.countersign.app.identity.SigningSession;
import dev.countersign.app.queue.QueueRow;
import dev.countersign.app.settings.UnlockPeriod;
import dev.countersign.app.shell.DisplayPreferences;
import dev.countersign.app.shell.MainWindow;
import dev.countersign.app.shell.Theme;
import dev.countersign.app.support.ConsoleDriver;
import dev.countersign.model.ActionType;
import dev.countersign.model.ReasonCode;
import dev.countersign.model.RiskTier;
import dev.countersign.model.Verdict;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.PasswordField;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Dev tool, not a test: starts the real console with a fresh data folder on a real display, walks through first run,
 * selects the critical prod rotation, prepares an approval, and writes Scene snapshots as PNG.
 *
 * <pre>
 * xvfb-run -a -s "-screen 0 1440x900x24" mvn -B -q -pl app exec:exec -Dexec.classpathScope=test \
 *   -Dexec.executable=java \
 *   -Dexec.args="-Dtestfx.robot=glass -cp %classpath dev.countersign.app.tools.ScreenshotTour docs/images 1440 900"
 * </pre>
 */
public final class ScreenshotTour {
    static final String PASSPHRASE = "correct horse battery staple";
    private ScreenshotTour() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/images").toAbsolutePath();
        int width = args.length > 1 ? Integer.parseInt(args[1]) : 1440;
        int height = args.length > 2 ? Integer.parseInt(args[2]) : 900;
        Theme theme = theme(args, 3);
        String suffix = suffix(theme);
        Files.createDirectories(out);
        Path home = Files.createTempDirectory("countersign-tour");
        System.setProperty("user.home", home.toString()); // so the first-run window shows ~/.local/share/…
        Path dataDir = Files.createDirectories(home.resolve(".local/share/countersign"));
        System.setProperty("countersign.logDir", dataDir.resolve("logs").toString());
        new DisplayPreferences(dataDir).remember(theme);
        ConsoleDriver console = ConsoleDriver.start(dataDir, Duration.ofSeconds(30));
        try {
            PasswordField passphrase = fillFirstRun(console, width, height);
            pause(600); // the queue fills once the new key signs in, so the first-run window shows alone
            snapshot(passphrase.getScene(), out.resolve("first-run" + suffix + ".png"));
            console.robot().interact(() -> console.robot().lookup("#createKey").queryButton().fire());
            console.awaitGone("#newKeyDialog", Duration.ofSeconds(60));
            ConsoleDriver.await(Duration.ofSeconds(30), () -> console.app().composition().session()
                    .enrollmentProperty().get() == SigningSession.Enrollment.ENROLLED);
            console.awaitQueue(14);

            QueueRow row = console.row(ConsoleDriver.is(ActionType.ROTATE_CREDENTIAL, RiskTier.CRITICAL, "prod"))
                    .orElseThrow(() -> new IllegalStateException("no critical prod rotation in the demo queue"));
            console.robot().interact(() -> console.app().composition().queue().selectedProperty().set(row));
            fillApproval(console, "CHG-4471 checked with payments on-call; settlement batch paused for the overlap.");
            pause(800);
            snapshot(console.stage().getScene(), out.resolve("console-demo" + suffix + ".png"));

            console.robot().interact(() -> console.robot().lookup("#signSubmit").queryButton().fire());
            ConsoleDriver.await(Duration.ofSeconds(30), () -> row.statusProperty().get().contains(" of "));
            pause(600);
            snapshot(console.stage().getScene(), out.resolve("console-after-decision" + suffix + ".png"));
        } finally {
            console.stop();
        }
        System.exit(0);
    }

    /**
     * Sizes the window, then fills the first-run window (the demo passphrase, a 15-minute unlock, so signing in and
     * the decision share one unlock) without creating the key yet; returns its passphrase field.
     */
    static PasswordField fillFirstRun(ConsoleDriver console, int width, int height) throws Exception {
        console.robot().interact(() -> {
            console.stage().setX(0);
            console.stage().setY(0);
            console.stage().setWidth(width);
            console.stage().setHeight(height);
        });
        console.robot().interact(() -> console.robot().lookup(".main-split").queryAs(SplitPane.class)
                .setDividerPositions(MainWindow.DIVIDER));
        PasswordField passphrase = console.awaitNode("#newPassphrase", Duration.ofSeconds(30));
        PasswordField confirm = console.robot().lookup("#confirmPassphrase").query();
        @SuppressWarnings("unchecked")
        ComboBox<UnlockPeriod> period = console.robot().lookup("#firstRunUnlockPeriod").query();
        console.robot().interact(() -> {
            passphrase.setText(PASSPHRASE);
            confirm.setText(PASSPHRASE);
            period.setValue(UnlockPeriod.FIFTEEN_MINUTES);
        });
        return passphrase;
    }

    /** Chooses Approve, a reason code and the reason text in the decision bar, without signing. */
    static void fillApproval(ConsoleDriver console, String reasonText) throws Exception {
        ToggleButton approve = console.awaitNode("#approveToggle", Duration.ofSeconds(10));
        @SuppressWarnings("unchecked")
        ComboBox<ReasonCode> code = console.robot().lookup("#reasonCode").query();
        TextArea reason = console.robot().lookup("#reasonText").query();
        console.robot().interact(() -> {
            approve.setSelected(true);
            code.setValue(ReasonCode.CHANGE_TICKET_VERIFIED);
            reason.setText(reasonText);
        });
        if (approve.getUserData() != Verdict.APPROVE) {
            throw new IllegalStateException("approve toggle not found");
        }
    }

    /** The theme named by {@code args[index]} ("light" or "dark"), light when absent. */
    static Theme theme(String[] args, int index) {
        return args.length > index ? Theme.valueOf(args[index].toUpperCase(java.util.Locale.ROOT)) : Theme.LIGHT;
    }

    /** What a screenshot's file name ends with in this theme: nothing for light, "-dark" for dark. */
    static String suffix(Theme theme) {
        return theme == Theme.DARK ? "-dark" : "";
    }

    private static void pause(long millis) throws InterruptedException {
        Thread.sleep(millis);
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void snapshot(Scene scene, Path file) throws Exception {
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get();
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", new File(file.toString()));
        System.out.println("wrote " + file + " (" + (int) image.getWidth() + "x" + (int) image.getHeight() + ")");
    }
}
