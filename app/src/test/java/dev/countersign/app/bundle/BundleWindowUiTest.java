package dev.countersign.app.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.app.common.FxTaskRunner;
import dev.countersign.app.common.Messages;
import dev.countersign.app.records.RecordRow;
import dev.countersign.app.shell.Theme;
import dev.countersign.app.support.ConsoleDriver;
import dev.countersign.model.bundle.BundleFormat;
import dev.countersign.model.bundle.BundleReport;
import dev.countersign.model.bundle.Finding;
import dev.countersign.model.testing.EvidenceSamples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The bundle window in a real window: a valid bundle's records, a tampered one's findings at the right file and
 * record (selecting the finding selects the record), an unreadable file, and the report buttons.
 */
class BundleWindowUiTest {
    static final EvidenceSamples.Sample SAMPLE = EvidenceSamples.build(12);

    @TempDir
    static Path dir;
    static Path valid;
    static Path tampered;
    static String tamperedRecord;

    final FxRobot robot = new FxRobot();
    final Messages messages = Messages.load(Locale.ENGLISH);
    FxTaskRunner runner;
    BundleOpener opener;
    final List<RecordRow> decisionReports = new ArrayList<>();
    final List<BundleReport> summaries = new ArrayList<>();

    @BeforeAll
    static void bundles() throws Exception {
        valid = SampleBundles.write(SAMPLE, dir, "valid");
        tamperedRecord = SAMPLE.recordIds().get(7);
        tampered = SampleBundles.forgedSignature(valid, tamperedRecord, dir.resolve("tampered.csbundle"));
    }

    @BeforeEach
    void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(Theme.LIGHT::apply);
        runner = new FxTaskRunner();
        String css = Messages.class.getResource("/dev/countersign/app/app.css").toExternalForm();
        opener = new BundleOpener(messages, runner, Platform::runLater, css, SAMPLE::gatewayKeyId);
        opener.setDecisionReport(decisionReports::add);
        opener.setSummaryReport(summaries::add);
    }

    @AfterEach
    void stop() throws Exception {
        runner.close();
        FxToolkit.cleanupStages();
    }

    BundleWindow open(Path file) throws Exception {
        BundleWindow[] window = new BundleWindow[1];
        robot.interact(() -> window[0] = opener.open(file));
        ConsoleDriver.await(Duration.ofSeconds(30), () -> window[0].viewModel().phaseProperty().get()
                == BundleViewModel.Phase.DONE);
        return window[0];
    }

    String text(BundleWindow window, String id) {
        return ((Label) window.root().lookup(id)).getText();
    }

    @SuppressWarnings("unchecked")
    TableView<RecordRow> records(BundleWindow window) {
        return (TableView<RecordRow>) window.root().lookup("#bundleRecordsTable");
    }

    @Test
    void aValidBundleShowsItsVerdictAnchorAndRecords() throws Exception {
        BundleWindow window = open(valid);
        assertTrue(text(window, "#bundleVerdict").startsWith("Valid: every file and every record verified, with one"
                + " warning."), text(window, "#bundleVerdict"));
        assertEquals("Anchored to gateway key " + SAMPLE.gatewayKeyId() + ", the key of the gateway this console is"
                + " bound to.", text(window, "#bundleAnchor"));
        assertTrue(text(window, "#bundleExported").startsWith("Exported by " + SAMPLE.exporter() + " on "),
                text(window, "#bundleExported"));
        assertTrue(text(window, "#bundleCounts").startsWith("12 records: 12 verified, 0 failed, 0 could not be"
                + " checked · "), text(window, "#bundleCounts"));
        TableView<RecordRow> table = records(window);
        assertNotNull(table);
        assertEquals(SAMPLE.recordIds(), table.getItems().stream().map(r -> r.record().recordId()).toList());
        assertTrue(table.getItems().stream().allMatch(r -> r.check().verified() && r.proposal() != null
                && r.context() != null));
        assertTrue(window.stage().getTitle().equals("Evidence bundle — valid.csbundle"), window.stage().getTitle());
        assertTrue(window.stage().isShowing());

        // the report buttons: the decision report needs a selected record
        Button decision = (Button) window.root().lookup("#bundleDecisionReport");
        assertTrue(decision.isDisabled());
        robot.interact(() -> table.getSelectionModel().select(2));
        assertFalse(decision.isDisabled());
        robot.clickOn(decision);
        assertEquals(List.of(SAMPLE.recordIds().get(2)),
                decisionReports.stream().map(r -> r.record().recordId()).toList());
        robot.clickOn("#bundleSummaryReport");
        assertEquals(1, summaries.size());
        assertEquals(BundleReport.Status.VALID, summaries.get(0).status());
    }

    @Test
    void aTamperedBundleNamesTheFileAndRecordAndSelectingTheFindingSelectsTheRecord() throws Exception {
        BundleWindow window = open(tampered);
        assertTrue(text(window, "#bundleVerdict").startsWith("Invalid: "), text(window, "#bundleVerdict"));
        assertTrue(window.root().lookup("#bundleVerdict").getStyleClass().contains("bundle-invalid"));
        @SuppressWarnings("unchecked")
        TableView<Finding> findings = (TableView<Finding>) window.root().lookup("#bundleFindings");
        String file = BundleFormat.recordPath(tamperedRecord);
        Finding atRecord = findings.getItems().stream()
                .filter(f -> file.equals(f.file()) && tamperedRecord.equals(f.recordId())).findFirst().orElseThrow();
        assertEquals(Finding.Severity.ERROR, atRecord.severity());

        robot.interact(() -> findings.scrollTo(atRecord));
        Node row = robot.lookup("#bundleFindings .table-row-cell")
                .match((Node n) -> n instanceof TableRow<?> r && r.getItem() == atRecord).query();
        robot.clickOn(row);
        WaitForAsyncUtils.waitForFxEvents();
        RecordRow selected = records(window).getSelectionModel().getSelectedItem();
        assertNotNull(selected, "the finding's record is selected");
        assertEquals(tamperedRecord, selected.record().recordId());
        assertEquals(dev.countersign.model.bundle.RecordCheck.State.FAILED, selected.check().signature());
        assertTrue(BundleRecordsView.state(selected.check(), messages).startsWith("Failed: signature"),
                BundleRecordsView.state(selected.check(), messages));
    }

    @Test
    void anUnreadableFileShowsWhyAndWritesNothing() throws Exception {
        Path junk = Files.write(dir.resolve("junk.csbundle"), new byte[] {'P', 'K', 3, 4, 0, 0, 1, 2});
        List<Path> before = list();
        BundleWindow window = open(junk);
        assertTrue(text(window, "#bundleVerdict").startsWith("Unreadable: "), text(window, "#bundleVerdict"));
        @SuppressWarnings("unchecked")
        TableView<Finding> findings = (TableView<Finding>) window.root().lookup("#bundleFindings");
        assertFalse(findings.getItems().isEmpty());
        assertEquals("No records to show.", text(window, "#bundleRecordsNone"));
        assertTrue(window.root().lookup("#bundleSummaryReport").isVisible());
        assertEquals(before, list(), "nothing written beside the bundle");
    }

    @Test
    void aPinnedKeyIsSaidAndAnotherGatewayIsFlagged() throws Exception {
        opener.setPinnedGatewayKey(SAMPLE.gatewayKey().publicKey());
        BundleWindow pinned = open(valid);
        assertEquals("Anchored to gateway key " + SAMPLE.gatewayKeyId() + ", the key you pinned.",
                text(pinned, "#bundleAnchor"));
        assertTrue(text(pinned, "#bundleVerdict").equals("Valid: every file and every record verified."),
                text(pinned, "#bundleVerdict"));

        opener.setPinnedGatewayKey(null);
        BundleOpener elsewhere = new BundleOpener(messages, runner, Platform::runLater, null, () -> "f".repeat(64));
        BundleWindow[] other = new BundleWindow[1];
        robot.interact(() -> other[0] = elsewhere.open(valid));
        ConsoleDriver.await(Duration.ofSeconds(30), () -> other[0].viewModel().reportProperty().get() != null);
        assertTrue(text(other[0], "#bundleAnchor").contains(": NOT the gateway this console is bound to"),
                text(other[0], "#bundleAnchor"));
        assertFalse(other[0].root().lookup("#bundleDecisionReport").isVisible(), "no handler, no button");
    }

    List<Path> list() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
