package dev.countersign.app.tools;

import atlantafx.base.theme.PrimerDark;
import dev.countersign.app.identity.SigningSession;
import dev.countersign.app.queue.QueueRow;
import dev.countersign.app.support.ConsoleDriver;
import dev.countersign.model.ActionType;
import dev.countersign.model.RiskTier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.application.Application;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.Node;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Screenshots of issue 5's untrusted text and friction: the hostile demo proposal's claim with its hidden characters
 * revealed, and the decision bar of a critical approval with the typed name and an execution window. Light, then
 * dark. Args: output folder, width, height.
 */
public final class FrictionScreenshots {
    private FrictionScreenshots() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "/tmp/shots-friction").toAbsolutePath();
        int width = args.length > 1 ? Integer.parseInt(args[1]) : 1280;
        int height = args.length > 2 ? Integer.parseInt(args[2]) : 800;
        Files.createDirectories(out);
        Path home = Files.createTempDirectory("countersign-friction");
        System.setProperty("user.home", home.toString());
        Path dataDir = Files.createDirectories(home.resolve(".local/share/countersign"));
        System.setProperty("countersign.logDir", dataDir.resolve("logs").toString());
        ConsoleDriver console = ConsoleDriver.start(dataDir, Duration.ofSeconds(30));
        try {
            ScreenshotTour.fillFirstRun(console, width, height);
            console.robot().interact(() -> console.robot().lookup("#createKey").queryButton().fire());
            console.awaitGone("#newKeyDialog", Duration.ofSeconds(60));
            ConsoleDriver.await(Duration.ofSeconds(30), () -> console.app().composition().session()
                    .enrollmentProperty().get() == SigningSession.Enrollment.ENROLLED);
            console.awaitQueue(15);

            QueueRow hostile = console.row(v -> v.proposal().intent().contains("CHG-4911")).orElseThrow();
            for (String theme : new String[] {"light", "dark"}) {
                if (theme.equals("dark")) {
                    console.robot().interact(() -> Application.setUserAgentStylesheet(
                            new PrimerDark().getUserAgentStylesheet()));
                }
                console.robot().interact(() -> console.app().composition().queue().selectedProperty().set(hostile));
                pause(800);
                ScreenshotTour.snapshot(console.stage().getScene(), out.resolve("claim-hidden-" + theme + ".png"));
                Node diff = console.robot().lookup("#parameterDiff").query();
                console.robot().interact(() -> scrollTo(diff));
                pause(500);
                ScreenshotTour.snapshot(console.stage().getScene(), out.resolve("params-hidden-" + theme + ".png"));

                QueueRow critical = console.row(ConsoleDriver.is(ActionType.ROTATE_CREDENTIAL, RiskTier.CRITICAL,
                        "prod")).orElseThrow();
                console.robot().interact(() -> console.app().composition().queue().selectedProperty().set(critical));
                pause(300);
                ScreenshotTour.fillApproval(console, "CHG-4471 checked with payments on-call; run it in tonight’s"
                        + " window only.");
                CheckBox toggle = console.robot().lookup("#windowToggle").query();
                TextField typed = console.robot().lookup("#typedConfirmation").query();
                String name = console.view(critical).proposal().target().name();
                console.robot().interact(() -> {
                    toggle.setSelected(true);
                    typed.setText(name.substring(0, name.length() - 3));
                });
                pause(600);
                ScreenshotTour.snapshot(console.stage().getScene(), out.resolve("decision-typing-" + theme + ".png"));
                console.robot().interact(() -> typed.setText(name));
                pause(600);
                ScreenshotTour.snapshot(console.stage().getScene(), out.resolve("decision-ready-" + theme + ".png"));
            }
        } finally {
            console.stop();
        }
        System.exit(0);
    }

    private static void scrollTo(Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof ScrollPane scroll) {
                double contentHeight = scroll.getContent().getBoundsInLocal().getHeight();
                double y = scroll.getContent().sceneToLocal(node.localToScene(0, 0)).getY();
                double viewport = scroll.getViewportBounds().getHeight();
                scroll.setVvalue(Math.min(1, Math.max(0, y / Math.max(1, contentHeight - viewport))));
                return;
            }
        }
    }

    private static void pause(long millis) throws InterruptedException {
        Thread.sleep(millis);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
