package dev.countersign.app.tools;

import atlantafx.base.theme.PrimerLight;
import dev.countersign.app.AppComposition;
import dev.countersign.app.queue.QueueRow;
import dev.countersign.app.review.BulkApprovalDialog;
import dev.countersign.app.review.BulkApprovalViewModel;
import dev.countersign.app.support.ConsoleModels;
import dev.countersign.app.support.FakeDialogService.Answer;
import dev.countersign.app.support.TestGateway;
import dev.countersign.model.ProposalStatus;
import dev.countersign.model.ReasonCode;
import dev.countersign.model.RiskTier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Screenshots of the bulk approval window: a selection refused because it holds a high-risk proposal, and a
 * low-risk selection after signing. Args: output folder.
 */
public final class BulkScreenshots {
    private BulkScreenshots() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "/tmp/shots-friction").toAbsolutePath();
        Files.createDirectories(out);
        Path dir = Files.createTempDirectory("countersign-bulk");
        FxToolkit.registerPrimaryStage();
        FxRobot robot = new FxRobot();
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
        try (TestGateway gateway = TestGateway.start(dir)) {
            ConsoleModels models = new ConsoleModels(gateway, dir.resolve("home"), "you@northwind.example");
            models.dialogs.answer(Answer.type("correct horse battery staple"));
            robot.interact(models::connect);
            BulkApprovalViewModel vm = new BulkApprovalViewModel(models.messages, models.runner, Clock.systemUTC(),
                    models.keys, models.session, models.queue, models.decision.submitterProperty());
            BulkApprovalDialog dialog = new BulkApprovalDialog(vm, models.messages,
                    AppComposition.class.getResource("app.css").toExternalForm(), () -> null);
            List<QueueRow> low = models.queue.rows().stream().filter(r -> r.summary().riskTier() == RiskTier.LOW
                    && r.summary().status() == ProposalStatus.PENDING).toList();
            List<QueueRow> mixed = new ArrayList<>(low);
            models.queue.rows().stream().filter(r -> r.summary().riskTier() == RiskTier.HIGH).findFirst()
                    .ifPresent(mixed::add);
            robot.interact(() -> dialog.open(mixed));
            WaitForAsyncUtils.waitForFxEvents();
            ScreenshotTour.snapshot(stage().getScene(), out.resolve("bulk-refused.png"));
            robot.interact(() -> {
                dialog.open(low);
                vm.reasonCodeProperty().set(ReasonCode.MATCHES_INTENT);
                vm.reasonTextProperty().set("Routine dev hygiene, checked together against the tickets.");
            });
            ScreenshotTour.snapshot(stage().getScene(), out.resolve("bulk-form.png"));
            models.dialogs.answer(Answer.type("correct horse battery staple"));
            robot.interact(vm::submit);
            WaitForAsyncUtils.waitForFxEvents();
            ScreenshotTour.snapshot(stage().getScene(), out.resolve("bulk-done.png"));
            robot.interact(models::stop);
        }
        System.exit(0);
    }

    private static Stage stage() {
        return (Stage) Window.getWindows().stream().filter(w -> w instanceof Stage s
                && s.getScene() != null && s.getScene().getRoot().getId() != null
                && s.getScene().getRoot().getId().equals("bulkApproval")).findFirst().orElseThrow();
    }
}
