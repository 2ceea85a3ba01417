package dev.countersign.app.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.app.AppConfig;
import dev.countersign.app.records.RecordRow;
import dev.countersign.app.support.ConsoleDriver;
import dev.countersign.model.testing.EvidenceSamples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code countersign FILE.csbundle}: only the bundle's window, in the primary stage, with no gateway, no key, no
 * first-run window and no cache; the data folder stays as it was.
 */
class AuditorModeUiTest {
    @TempDir
    Path dataDir;
    @TempDir
    Path files;
    ConsoleDriver app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.stop();
        }
    }

    @Test
    void aBundleOnTheCommandLineOpensAloneAndVerifies() throws Exception {
        EvidenceSamples.Sample sample = EvidenceSamples.build(6);
        Path bundle = SampleBundles.write(sample, files, "mailed");
        AppConfig config = AppConfig.parse(List.of("--data-dir", dataDir.toString(), bundle.toString()));

        app = ConsoleDriver.start(config);
        ConsoleDriver.await(Duration.ofSeconds(30), () -> app.app().auditor() != null
                && app.app().auditor().window() != null && app.app().auditor().window().viewModel()
                .phaseProperty().get() == BundleViewModel.Phase.DONE);

        assertNull(app.app().composition(), "no console: no gateway, no key, no cache");
        BundleWindow window = app.app().auditor().window();
        assertEquals(app.stage(), window.stage(), "the bundle takes the primary window");
        Label verdict = app.robot().lookup("#bundleVerdict").query();
        assertTrue(verdict.getText().startsWith("Valid: "), verdict.getText());
        Label anchor = app.robot().lookup("#bundleAnchor").query();
        assertEquals("Anchored to gateway key " + sample.gatewayKeyId() + ", taken from the bundle itself: compare"
                + " it with the gateway’s key id obtained another way.", anchor.getText());
        TableView<RecordRow> records = app.robot().lookup("#recordsTable").queryTableView();
        assertEquals(6, records.getItems().size());
        assertFalse(app.showing("#newKeyDialog"), "no first-run window");
        assertFalse(app.showing("#mainWindow"));
        assertEquals(1, Window.getWindows().stream().filter(Window::isShowing).count(), "one window only");
        try (Stream<Path> left = Files.list(dataDir)) {
            assertEquals(List.of(), left.toList(), "nothing written into the data folder");
        }
        try (Stream<Path> beside = Files.list(files)) {
            assertEquals(List.of(bundle), beside.toList(), "nothing written beside the bundle");
        }
    }
}
