package dev.countersign.app.tools;

import dev.countersign.app.common.Chips;
import dev.countersign.app.common.Messages;
import dev.countersign.app.common.SyncTaskRunner;
import dev.countersign.app.common.TimeTexts;
import dev.countersign.app.common.UserErrors;
import dev.countersign.app.oversight.OversightTexts;
import dev.countersign.app.oversight.OversightView;
import dev.countersign.app.oversight.OversightViewModel;
import dev.countersign.app.records.DemoRows;
import dev.countersign.app.records.RecordRow;
import dev.countersign.app.records.RecordTexts;
import dev.countersign.app.records.RecordsView;
import dev.countersign.app.records.RecordsViewModel;
import dev.countersign.app.records.TestRows;
import dev.countersign.app.shell.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Dev tool, not a test: the records view (a failed record selected), a bundle's records read-only, and the oversight
 * figures, each at 1280×800 from a month of hand-made records, written as PNG.
 *
 * <pre>
 * xvfb-run -a -s "-screen 0 1920x1200x24" mvn -B -q -pl app exec:exec -Dexec.classpathScope=test \
 *   -Dexec.executable=java "-Dexec.args=-Dtestfx.robot=glass -cp %classpath \
 *   dev.countersign.app.tools.RecordsScreenshots /tmp/shots dark"
 * </pre>
 */
public final class RecordsScreenshots {
    private RecordsScreenshots() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "/tmp/records-shots").toAbsolutePath();
        Theme theme = ScreenshotTour.theme(args, 1);
        String suffix = ScreenshotTour.suffix(theme);
        Files.createDirectories(out);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(theme::apply);
        String css = RecordsScreenshots.class.getResource("/dev/countersign/app/app.css").toExternalForm();
        Messages messages = Messages.load(Locale.ENGLISH);
        Clock clock = Clock.fixed(TestRows.NOW, ZoneOffset.UTC);
        TimeTexts time = new TimeTexts(messages, ZoneOffset.UTC);
        RecordTexts texts = new RecordTexts(messages, time, ZoneOffset.UTC);
        Chips chips = new Chips(messages);
        List<RecordRow> rows = DemoRows.month();
        try {
            RecordsViewModel records = RecordsViewModel.live(new SyncTaskRunner(), clock, () -> rows,
                    new UserErrors(messages), new RecordsViewModel.Actions(r -> { }, r -> { }));
            records.reload();
            RecordsView view = WaitForAsyncUtils.asyncFx(() -> new RecordsView(records, texts, chips)).get();
            show(view, css);
            WaitForAsyncUtils.asyncFx(() -> records.selectedRows().setAll(rows.stream()
                    .filter(RecordRow::failed).findFirst().orElseThrow())).get();
            pause();
            ScreenshotTour.snapshot(view.getScene(), out.resolve("records-view" + suffix + ".png"));
            WaitForAsyncUtils.asyncFx(() -> records.selectedRows().setAll(rows.get(23))).get();
            pause();
            ScreenshotTour.snapshot(view.getScene(), out.resolve("records-hidden-text" + suffix + ".png"));

            List<RecordRow> real = realEvidence();
            RecordsViewModel verified = RecordsViewModel.live(new SyncTaskRunner(), Clock.fixed(
                    dev.countersign.model.testing.EvidenceSamples.T0.plusSeconds(86_400), ZoneOffset.UTC), () -> real,
                    new UserErrors(messages), new RecordsViewModel.Actions(r -> { }, r -> { }));
            verified.reload();
            RecordsView verifiedView = WaitForAsyncUtils.asyncFx(() -> new RecordsView(verified, texts, chips)).get();
            show(verifiedView, css);
            WaitForAsyncUtils.asyncFx(() -> verified.selectedRows().setAll(real.stream()
                    .filter(RecordRow::failed).findFirst().orElseThrow())).get();
            pause();
            ScreenshotTour.snapshot(verifiedView.getScene(), out.resolve("records-verified" + suffix + ".png"));

            RecordsViewModel bundle = RecordsViewModel.readOnly(rows.subList(0, 12), clock,
                    "Opened from q4-audit.csbundle: 12 records, verified offline against gateway key 7f3a…e1.",
                    r -> { });
            RecordsView bundleView = WaitForAsyncUtils.asyncFx(() -> new RecordsView(bundle, texts, chips)).get();
            show(bundleView, css);
            pause();
            ScreenshotTour.snapshot(bundleView.getScene(), out.resolve("records-bundle" + suffix + ".png"));

            OversightViewModel oversight = new OversightViewModel(records, clock,
                    new OversightTexts(messages, time, ZoneOffset.UTC));
            OversightView oversightView = WaitForAsyncUtils.asyncFx(() -> new OversightView(oversight)).get();
            show(oversightView, css);
            pause();
            ScreenshotTour.snapshot(oversightView.getScene(), out.resolve("oversight" + suffix + ".png"));
            WaitForAsyncUtils.asyncFx(() -> records.periodProperty().set(
                    dev.countersign.app.records.RecordPeriod.last(
                            dev.countersign.app.records.RecordPeriod.Preset.LAST_7_DAYS))).get();
            pause();
            ScreenshotTour.snapshot(oversightView.getScene(), out.resolve("oversight-7days" + suffix + ".png"));
        } finally {
            FxToolkit.cleanupStages();
        }
        System.exit(0);
    }

    /** Twenty signed records verified for real, one altered after signing. */
    private static List<RecordRow> realEvidence() {
        var sample = dev.countersign.model.testing.EvidenceSamples.build(20);
        var items = new java.util.ArrayList<>(sample.evidence().items());
        var victim = items.get(3);
        var record = victim.record();
        var envelope = record.envelope();
        String payload = new String(java.util.Base64.getDecoder().decode(envelope.payload()),
                java.nio.charset.StandardCharsets.UTF_8) + " ";
        items.set(3, new dev.countersign.model.bundle.EvidenceItem(new dev.countersign.model.api.DecisionRecordView(
                record.recordId(), record.proposalId(), record.reviewer(), record.keyId(), record.verdict(),
                record.recordedAt(), record.logIndex(), new dev.countersign.model.record.DsseEnvelope(
                        envelope.payloadType(), java.util.Base64.getEncoder().encodeToString(
                                payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)), envelope.signatures())),
                victim.proposal(), victim.context()));
        var e = sample.evidence();
        return dev.countersign.app.records.EvidenceRows.verify(new dev.countersign.model.bundle.Evidence(items,
                e.reviewers(), e.gatewayPublicKey(), e.checkpoint(), e.log()), null);
    }

    private static void show(Parent root, String css) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            Stage stage = new Stage();
            Scene scene = new Scene(root, 1280, 800);
            scene.getStylesheets().add(css);
            stage.setScene(scene);
            stage.show();
        }).get();
    }

    private static void pause() throws InterruptedException {
        Thread.sleep(400);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
