package dev.countersign.app.tools;

import atlantafx.base.theme.PrimerDark;
import dev.countersign.app.identity.SigningSession;
import dev.countersign.app.queue.QueueFilter;
import dev.countersign.app.queue.QueueRow;
import dev.countersign.app.queue.QueueViewModel;
import dev.countersign.app.support.ConsoleDriver;
import dev.countersign.model.ProposalStatus;
import dev.countersign.model.RiskTier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javafx.application.Application;
import javafx.scene.control.TableView;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Screenshots of working the queue (filters in use, several rows selected for bulk approval), light and dark, for
 * looking at the queue's layout at a given size. Args: output folder, width, height.
 */
public final class QueueScreenshots {
    private QueueScreenshots() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "/tmp/shots-queue").toAbsolutePath();
        int width = args.length > 1 ? Integer.parseInt(args[1]) : 1280;
        int height = args.length > 2 ? Integer.parseInt(args[2]) : 800;
        Files.createDirectories(out);
        Path dataDir = Files.createTempDirectory("countersign-queue-shots");
        ConsoleDriver console = ConsoleDriver.start(dataDir, Duration.ofSeconds(30));
        try {
            ScreenshotTour.fillFirstRun(console, width, height);
            console.robot().interact(() -> console.robot().lookup("#createKey").queryButton().fire());
            console.awaitGone("#newKeyDialog", Duration.ofSeconds(60));
            ConsoleDriver.await(Duration.ofSeconds(30), () -> console.app().composition().session()
                    .enrollmentProperty().get() == SigningSession.Enrollment.ENROLLED);
            console.awaitQueue(14);
            QueueViewModel queue = console.app().composition().queue();

            console.robot().interact(() -> queue.queueFilterProperty().set(QueueFilter.ALL
                    .withTiers(Set.of(RiskTier.CRITICAL, RiskTier.HIGH)).withEnvironments(Set.of("prod"))
                    .withText("rot")));
            QueueRow first = queue.visibleRows().get(0);
            console.robot().interact(() -> queue.selectedProperty().set(first));
            pause(900);
            ScreenshotTour.snapshot(console.stage().getScene(), out.resolve("queue-filtered.png"));

            console.robot().interact(() -> {
                queue.queueFilterProperty().set(QueueFilter.ALL.withTiers(Set.of(RiskTier.LOW)));
                queue.setBulkApprovalHandler(rows -> { });
            });
            List<QueueRow> lows = queue.visibleRows().stream()
                    .filter(r -> r.summary().status() == ProposalStatus.PENDING).limit(3).toList();
            TableView<QueueRow> table = console.robot().lookup("#queueTable").queryTableView();
            console.robot().interact(() -> {
                table.getSelectionModel().clearSelection();
                lows.forEach(r -> table.getSelectionModel().select(r));
            });
            pause(900);
            ScreenshotTour.snapshot(console.stage().getScene(), out.resolve("queue-selection.png"));

            QueueRow critical = queue.rows().stream().filter(r -> r.summary().riskTier() == RiskTier.CRITICAL)
                    .findFirst().orElseThrow();
            submitLike(console, critical);
            ConsoleDriver.await(Duration.ofSeconds(60), () -> console.robot().lookup(".notification-bar").tryQuery()
                    .isPresent());
            pause(1500);
            javafx.scene.Node bar = console.robot().lookup(".notification-bar").query();
            ScreenshotTour.snapshot(bar.getScene(), out.resolve("queue-notification.png"));
            ScreenshotTour.snapshot(console.stage().getScene(), out.resolve("queue-with-new.png"));

            console.robot().interact(() -> {
                Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
                queue.queueFilterProperty().set(QueueFilter.ALL.withShowClosed(true)
                        .withTiers(Set.of(RiskTier.CRITICAL, RiskTier.HIGH, RiskTier.MEDIUM)));
            });
            pause(900);
            ScreenshotTour.snapshot(console.stage().getScene(), out.resolve("queue-dark.png"));
        } finally {
            console.stop();
        }
        System.exit(0);
    }

    private static void submitLike(ConsoleDriver console, QueueRow row) throws Exception {
        dev.countersign.model.Proposal p = console.view(row).proposal();
        String body = dev.countersign.model.json.Json.string(new dev.countersign.model.ProposalSubmission(p.agent(),
                p.actionType(), p.target().id(), p.environment(), p.parameters(), p.intent(), 45));
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(console.gatewayUri().resolve("/v1/proposals"))
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("submit: " + response.statusCode());
        }
    }

    private static void pause(long millis) throws InterruptedException {
        Thread.sleep(millis);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
