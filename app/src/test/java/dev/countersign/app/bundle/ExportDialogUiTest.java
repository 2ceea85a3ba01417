package dev.countersign.app.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.app.common.Messages;
import dev.countersign.app.common.SyncTaskRunner;
import dev.countersign.app.records.RecordRow;
import dev.countersign.app.shell.Theme;
import dev.countersign.model.bundle.Evidence;
import dev.countersign.model.testing.EvidenceSamples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The export window: a refusal shown in place, and a finished export offering to open the bundle. */
class ExportDialogUiTest {
    static final EvidenceSamples.Sample SAMPLE = EvidenceSamples.build(8);

    @TempDir
    Path dir;
    final FxRobot robot = new FxRobot();
    final Messages messages = Messages.load(Locale.ENGLISH);
    final List<Path> opened = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(Theme.LIGHT::apply);
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
    }

    ExportDialog dialog(EvidenceSource evidence) {
        BundleFiles files = new BundleFiles() {
            @Override
            public Optional<Path> chooseSaveTarget(String suggestedName) {
                return Optional.of(dir.resolve(suggestedName));
            }

            @Override
            public Optional<Path> chooseBundle() {
                return Optional.empty();
            }
        };
        ExportViewModel vm = new ExportViewModel(messages, new SyncTaskRunner(), Runnable::run, evidence,
                (use, cancelled) -> use.accept(SAMPLE.exporterKey()), files, ExportDialogUiTest::amara, Clock.systemUTC(),
                "countersign-console/test");
        String css = Messages.class.getResource("/dev/countersign/app/app.css").toExternalForm();
        return new ExportDialog(vm, messages, css, () -> null, opened::add);
    }

    static dev.countersign.model.api.ReviewerView amara() {
        return SAMPLE.evidence().reviewers().stream().filter(r -> r.reviewer().equals(SAMPLE.exporter())).findFirst()
                .orElseThrow();
    }

    static List<RecordRow> rows() {
        return SAMPLE.evidence().items().stream().map(i -> new RecordRow(i.record(), null, i.proposal(), i.context()))
                .toList();
    }

    @Test
    void aFinishedExportOffersToOpenTheBundle() throws Exception {
        ExportDialog dialog = dialog(SAMPLE::evidenceFor);
        robot.interact(() -> dialog.open(rows()));
        Label heading = robot.lookup("#exportHeading").query();
        assertEquals("Export 8 decision records", heading.getText());
        Label message = robot.lookup("#exportMessage").query();
        assertTrue(message.getText().startsWith("Saved the evidence bundle to " + dir), message.getText());
        assertTrue(message.getStyleClass().contains("export-done"));
        robot.clickOn("#exportOpen");
        assertEquals(1, opened.size());
        assertTrue(Files.isRegularFile(opened.get(0)));
        assertFalse(dialog.window().isShowing(), "the export window gives way to the bundle's");
    }

    @Test
    void aRefusalIsShownInTheWindow() throws Exception {
        Evidence noCheckpoint = new Evidence(SAMPLE.evidence().items(), SAMPLE.evidence().reviewers(),
                SAMPLE.evidence().gatewayPublicKey(), null, List.of());
        ExportDialog dialog = dialog(ids -> noCheckpoint);
        robot.interact(() -> dialog.open(rows()));
        Label message = robot.lookup("#exportMessage").query();
        assertTrue(message.getText().contains("No signed checkpoint from the gateway is held yet."), message.getText());
        assertTrue(message.getStyleClass().contains("export-refused"));
        assertFalse(robot.lookup("#exportClose").queryButton().isDisabled());
        assertFalse(robot.lookup("#exportOpen").queryButton().isVisible());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }
}
