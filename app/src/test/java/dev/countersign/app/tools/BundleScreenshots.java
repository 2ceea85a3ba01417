package dev.countersign.app.tools;

import dev.countersign.app.bundle.BundleFiles;
import dev.countersign.app.bundle.BundleOpener;
import dev.countersign.app.bundle.BundleViewModel;
import dev.countersign.app.bundle.BundleWindow;
import dev.countersign.app.bundle.ExportDialog;
import dev.countersign.app.bundle.ExportViewModel;
import dev.countersign.app.common.FxTaskRunner;
import dev.countersign.app.common.Messages;
import dev.countersign.app.common.SyncTaskRunner;
import dev.countersign.app.records.RecordRow;
import dev.countersign.app.shell.Theme;
import dev.countersign.app.support.ConsoleDriver;
import dev.countersign.model.bundle.BundleFormat;
import dev.countersign.model.bundle.BundleProgress;
import dev.countersign.model.bundle.BundleWriter;
import dev.countersign.model.bundle.Evidence;
import dev.countersign.model.bundle.Finding;
import dev.countersign.model.testing.EvidenceSamples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Dev tool, not a test: pictures of the bundle window (a valid bundle; a tampered one with a finding selected; an
 * unreadable file) and of the export window (a refusal; done), at 1280×800. Arguments: output folder, theme.
 */
public final class BundleScreenshots {
    private static final FxRobot ROBOT = new FxRobot();
    private static final EvidenceSamples.Sample SAMPLE = EvidenceSamples.build(40);

    private BundleScreenshots() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "/tmp/shots-bundles").toAbsolutePath();
        Theme theme = ScreenshotTour.theme(args, 1);
        String suffix = ScreenshotTour.suffix(theme);
        Files.createDirectories(out);
        Path dir = Files.createTempDirectory("countersign-bundles");
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(theme::apply);
        String css = BundleScreenshots.class.getResource("/dev/countersign/app/app.css").toExternalForm();
        Messages messages = Messages.load(Locale.ENGLISH);
        EvidenceSamples.Sample sample = SAMPLE;
        Path valid = dir.resolve("evidence-2026-12-02-40-records" + BundleFormat.EXTENSION);
        BundleWriter.write(sample.evidence(), new BundleWriter.Export(sample.exporter(),
                Instant.parse("2026-12-02T09:30:00Z"), "countersign-console/0.6.0"), sample.exporterKey(), valid,
                BundleProgress.NONE);
        String forged = sample.recordIds().get(11);
        Path tampered = forge(valid, forged, dir.resolve("tampered" + BundleFormat.EXTENSION));
        Path junk = Files.writeString(dir.resolve("notes" + BundleFormat.EXTENSION), "not a bundle");
        FxTaskRunner runner = new FxTaskRunner();
        try {
            BundleOpener opener = new BundleOpener(messages, runner, Platform::runLater, css, () -> null);
            // as the console and auditor mode equip it: the read-only records view and the PDF reports
            java.time.Clock zone = java.time.Clock.systemDefaultZone();
            dev.countersign.app.bundle.BundleWiring.equip(opener, messages, zone,
                    new dev.countersign.app.common.Chips(messages), new dev.countersign.app.report.ReportActions(
                            new dev.countersign.app.report.DecisionReportPdf(messages, zone, "countersign-console/0.6.0"),
                            runner, new dev.countersign.app.shell.FxDialogService(messages, () -> null, css, null),
                            messages), () -> null);
            ScreenshotTour.snapshot(open(opener, valid).stage().getScene(), out.resolve("bundle-valid" + suffix + ".png"));
            BundleWindow broken = open(opener, tampered);
            @SuppressWarnings("unchecked")
            TableView<Finding> findings = (TableView<Finding>) broken.root().lookup("#bundleFindings");
            ROBOT.interact(() -> findings.getItems().stream().filter(f -> forged.equals(f.recordId())).findFirst()
                    .ifPresent(f -> findings.getSelectionModel().select(f)));
            WaitForAsyncUtils.waitForFxEvents();
            ScreenshotTour.snapshot(broken.stage().getScene(), out.resolve("bundle-tampered" + suffix + ".png"));
            ScreenshotTour.snapshot(open(opener, junk).stage().getScene(),
                    out.resolve("bundle-unreadable" + suffix + ".png"));

            List<RecordRow> rows = sample.evidence().items().stream().limit(12)
                    .map(i -> new RecordRow(i.record(), null, i.proposal(), i.context())).toList();
            Evidence incomplete = new Evidence(sample.evidence().items().subList(0, 12).stream()
                    .map(i -> i.record().logIndex() % 5 == 1 ? new dev.countersign.model.bundle.EvidenceItem(
                            i.record(), i.proposal(), null) : i).toList(),
                    sample.evidence().reviewers(), sample.evidence().gatewayPublicKey(), null, List.of());
            ExportDialog refused = export(messages, css, dir, ids -> incomplete);
            ROBOT.interact(() -> refused.open(rows));
            ScreenshotTour.snapshot(refused.window().getScene(), out.resolve("export-refused" + suffix + ".png"));
            ROBOT.interact(() -> ((Stage) refused.window()).hide());
            ExportDialog done = export(messages, css, dir, sample::evidenceFor);
            ROBOT.interact(() -> done.open(rows));
            ScreenshotTour.snapshot(done.window().getScene(), out.resolve("export-done" + suffix + ".png"));
        } finally {
            runner.close();
            FxToolkit.cleanupStages();
        }
        System.exit(0);
    }

    private static BundleWindow open(BundleOpener opener, Path file) throws Exception {
        BundleWindow[] window = new BundleWindow[1];
        ROBOT.interact(() -> {
            window[0] = opener.open(file);
            window[0].stage().setWidth(1280);
            window[0].stage().setHeight(800);
        });
        ConsoleDriver.await(Duration.ofSeconds(60), () -> window[0].viewModel().phaseProperty().get()
                == BundleViewModel.Phase.DONE);
        Thread.sleep(400);
        WaitForAsyncUtils.waitForFxEvents();
        return window[0];
    }

    private static ExportDialog export(Messages messages, String css, Path dir,
            dev.countersign.app.bundle.EvidenceSource evidence) {
        EvidenceSamples.Sample signer = SAMPLE;
        BundleFiles files = new BundleFiles() {
            @Override
            public Optional<Path> chooseSaveTarget(String name) {
                return Optional.of(dir.resolve(name));
            }

            @Override
            public Optional<Path> chooseBundle() {
                return Optional.empty();
            }
        };
        return new ExportDialog(new ExportViewModel(messages, new SyncTaskRunner(), Runnable::run, evidence,
                (use, cancelled) -> use.accept(signer.exporterKey()), files, () -> signer.evidence().reviewers().stream()
                        .filter(r -> r.reviewer().equals(signer.exporter())).findFirst().orElseThrow(),
                Clock.systemUTC(), "countersign-console/0.6.0"), messages, css, () -> null, p -> { });
    }

    /** A copy whose record still reads but carries a changed signature. */
    private static Path forge(Path bundle, String recordId, Path target) throws Exception {
        return dev.countersign.model.testing.ZipMembers.forgedSignature(bundle, recordId, target);
    }
}
