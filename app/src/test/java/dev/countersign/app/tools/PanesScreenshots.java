package dev.countersign.app.tools;

import atlantafx.base.theme.PrimerDark;
import dev.countersign.app.identity.SigningSession;
import dev.countersign.app.queue.QueueRow;
import dev.countersign.app.support.ConsoleDriver;
import dev.countersign.model.api.ProposalView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import javafx.application.Application;

/**
 * Dev tool, not a test: the review panes (blast-radius graph, workloads, incidents, policy) of the demo proposal
 * with the most dependent workloads, a workload selected, in Primer Light then Primer Dark.
 * Arguments: output folder, width, height (as {@link ScreenshotTour}).
 */
public final class PanesScreenshots {
    private PanesScreenshots() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "/tmp/shots-panes").toAbsolutePath();
        int width = args.length > 1 ? Integer.parseInt(args[1]) : 1280;
        int height = args.length > 2 ? Integer.parseInt(args[2]) : 800;
        Files.createDirectories(out);
        Path home = Files.createTempDirectory("countersign-panes");
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
            console.awaitQueue(14);
            QueueRow widest = console.app().composition().queue().rows().stream()
                    .max(Comparator.comparingInt(r -> workloads(console.view(r)))).orElseThrow();
            shoot(console, widest, out, "panes-widest");
            QueueRow rotation = console.row(ConsoleDriver.is(dev.countersign.model.ActionType.ROTATE_CREDENTIAL,
                    dev.countersign.model.RiskTier.CRITICAL, "prod")).orElseThrow();
            shoot(console, rotation, out, "panes-rotation");
            console.robot().interact(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
            shoot(console, rotation, out, "panes-rotation-dark");
            shoot(console, widest, out, "panes-widest-dark");
        } finally {
            console.stop();
        }
        System.exit(0);
    }

    private static int workloads(ProposalView view) {
        return view == null ? 0 : view.context().dependentWorkloads().size();
    }

    private static void shoot(ConsoleDriver console, QueueRow row, Path out, String name) throws Exception {
        console.robot().interact(() -> console.app().composition().queue().selectedProperty().set(row));
        Thread.sleep(700);
        ScreenshotTour.snapshot(console.stage().getScene(), out.resolve(name + ".png"));
        ProposalView view = console.view(row);
        String last = view.context().dependentWorkloads().get(view.context().dependentWorkloads().size() - 1).id();
        console.robot().interact(() -> console.robot().lookup("#workloadNode-" + last).query().requestFocus());
        console.robot().type(javafx.scene.input.KeyCode.ENTER);
        Thread.sleep(500);
        ScreenshotTour.snapshot(console.stage().getScene(), out.resolve(name + "-selected.png"));
        console.robot().interact(() -> console.robot().lookup(".review-scroll")
                .queryAs(javafx.scene.control.ScrollPane.class).setVvalue(0.28));
        Thread.sleep(300);
        ScreenshotTour.snapshot(console.stage().getScene(), out.resolve(name + "-lower.png"));
        console.robot().interact(() -> console.robot().lookup(".review-scroll")
                .queryAs(javafx.scene.control.ScrollPane.class).setVvalue(0));
    }
}
