package dev.countersign.app.records;

import static dev.countersign.app.records.TestRows.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.app.common.Chips;
import dev.countersign.app.common.Messages;
import dev.countersign.app.common.SyncTaskRunner;
import dev.countersign.app.common.TimeTexts;
import dev.countersign.app.common.UserErrors;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The records view in a window of its own, clicked through: search, filters, period, detail, selection, actions. */
class RecordsViewUiTest {
    private final FxRobot robot = new FxRobot();
    private final Messages messages = Messages.load(Locale.ENGLISH);
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final List<List<RecordRow>> exported = new ArrayList<>();
    private final List<RecordRow> reported = new ArrayList<>();

    @BeforeEach
    void stage() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(dev.countersign.app.shell.Theme.LIGHT::apply); // the theme's colours, as in the console
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
    }

    private void show(RecordsViewModel vm) throws Exception {
        RecordTexts texts = new RecordTexts(messages, new TimeTexts(messages, ZoneOffset.UTC), ZoneOffset.UTC);
        FxToolkit.setupStage(stage -> {
            RecordsView view = new RecordsView(vm, texts, new Chips(messages));
            Scene scene = new Scene(view, 1280, 800);
            scene.getStylesheets().add(getClass().getResource("/dev/countersign/app/app.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private RecordsViewModel live(List<RecordRow> rows) {
        RecordsViewModel vm = RecordsViewModel.live(new SyncTaskRunner(), clock, () -> rows,
                new UserErrors(messages), new RecordsViewModel.Actions(exported::add, reported::add));
        vm.reload();
        return vm;
    }

    private String text(String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private TableRow<?> rowOf(String recordId) {
        return robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getItem() instanceof RecordRow row && row.recordId().equals(recordId)).findFirst()
                .orElseThrow();
    }

    @Test
    void searchFiltersAndPeriodNarrowTheTableAndTheCountSaysSo() throws Exception {
        RecordsViewModel vm = live(RecordsViewModelTest.sample());
        show(vm);
        assertEquals("6 records · 2 failed verification", text("#recordsCount"));

        robot.clickOn("#recordsSearch").write("svc-ledger");
        assertEquals("1 of 6 records shown", text("#recordsCount"));
        robot.type(KeyCode.ESCAPE);
        assertEquals("6 records · 2 failed verification", text("#recordsCount"));

        robot.clickOn("#recordsFilterVerdict").clickOn("Denied (1)");
        robot.type(KeyCode.ESCAPE);
        assertEquals("1 of 6 records shown", text("#recordsCount"));
        assertEquals("rec-2", vm.visibleRows().get(0).recordId());
        robot.clickOn("#recordsClearFilters");
        assertEquals(6, vm.visibleRows().size());

        robot.clickOn("#recordsFilterFailed");
        assertEquals("2 of 6 records shown · 2 failed verification", text("#recordsCount"));
        robot.clickOn("#recordsFilterFailed");

        robot.clickOn("#recordsPeriod").clickOn("Last 24 hours");
        assertEquals("1 of 6 records shown", text("#recordsCount"));
        robot.clickOn("#recordsPeriod").clickOn("Dates…");
        DatePicker from = robot.lookup("#recordsFrom").queryAs(DatePicker.class);
        DatePicker to = robot.lookup("#recordsTo").queryAs(DatePicker.class);
        assertTrue(from.isVisible() && to.isVisible());
        robot.interact(() -> {
            from.setValue(LocalDate.parse("2026-11-26"));
            to.setValue(LocalDate.parse("2026-11-30"));
        });
        assertEquals(RecordPeriod.dates(LocalDate.parse("2026-11-26"), LocalDate.parse("2026-11-30")),
                vm.periodProperty().get());
        assertEquals("3 of 6 records shown", text("#recordsCount"));
        // a from after the to is refused in words, and the period stays as it was
        robot.interact(() -> from.setValue(LocalDate.parse("2026-12-05")));
        Label problem = robot.lookup("#recordsPeriodProblem").queryAs(Label.class);
        assertTrue(problem.isVisible());
        assertEquals("The first day is after the last; the period was not changed.", problem.getText());
        assertEquals("3 of 6 records shown", text("#recordsCount"));
        robot.clickOn("#recordsPeriod").clickOn("All time");
        assertFalse(from.isVisible());
        assertEquals(6, vm.visibleRows().size());
    }

    @Test
    void theDetailShowsTheSelectedRecordAndTheActionsTakeTheSelection() throws Exception {
        List<RecordRow> rows = new ArrayList<>(RecordsViewModelTest.sample());
        rows.add(TestRows.row("rec-8", "prp-8").decidedAt(NOW.minus(Duration.ofMinutes(30))).logIndex(12)
                .intent("Rotate\u202e tset\u202c now").build());
        RecordsViewModel vm = live(rows);
        show(vm);
        Button report = robot.lookup("#recordsReport").queryAs(Button.class);
        Button export = robot.lookup("#recordsExport").queryAs(Button.class);
        assertTrue(report.isDisabled());
        assertFalse(export.isDisabled());
        assertEquals("Export evidence bundle of the 7 records shown", export.getAccessibleText());
        assertTrue(robot.lookup("#recordDetailNone").tryQuery().isPresent());

        robot.clickOn("svc-ledger");
        assertEquals("rec-2", text("#detailRecordId"));
        assertEquals("Denied", text("#detailVerdict"));
        assertEquals("Settlement batch has no failover.", text("#detailReasonText"));
        assertEquals("Signature: OK", robot.lookup("#detailCheck-signature").queryAs(Label.class).getText());
        assertFalse(report.isDisabled());
        robot.clickOn(report);
        assertEquals(List.of("rec-2"), reported.stream().map(RecordRow::recordId).toList());

        robot.press(KeyCode.CONTROL).clickOn(rowOf("rec-1"));
        robot.release(KeyCode.CONTROL);
        assertEquals(2, vm.selectedRows().size());
        assertTrue(report.isDisabled(), "a report is of one record");
        assertEquals("Export evidence bundle of the 2 selected records", export.getAccessibleText());
        robot.clickOn(export);
        assertEquals(List.of("rec-1", "rec-2"), exported.get(0).stream().map(RecordRow::recordId).sorted().toList());

        // agent-written text is shown revealed
        robot.interact(() -> vm.selectedRows().setAll(vm.visibleRows().get(0)));
        assertEquals("rec-8", text("#detailRecordId"));
        assertTrue(text("#detailIntent").contains("⟦U+202E⟧"), text("#detailIntent"));
    }

    @Test
    void aFailedRecordStandsOutAndSaysWhichCheckFailedInWords() throws Exception {
        RecordsViewModel vm = live(RecordsViewModelTest.sample());
        show(vm);
        TableRow<?> failed = rowOf("rec-4");
        assertTrue(failed.getPseudoClassStates().contains(PseudoClass.getPseudoClass("failed")));
        assertTrue(failed.getAccessibleText().contains("Signature: failed; key enrolled at the time: OK; position in"
                + " the log: OK"), failed.getAccessibleText());
        Node cell = robot.from(failed).lookup(".check-failed").query();
        assertEquals("Signature: failed", cell.getAccessibleText());
        robot.clickOn(failed);
        Label finding = robot.lookup(".record-finding").queryAs(Label.class);
        assertEquals("records/rec-4.dsse.json: signature does not verify", finding.getText());
        TableCell<?, ?> unknown = robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getTableRow() != null && c.getTableRow().getItem() instanceof RecordRow row
                        && row.recordId().equals("rec-5") && c.getAccessibleText() != null).findFirst().orElseThrow();
        assertEquals("Signature: OK; key enrolled at the time: unknown; position in the log: failed",
                unknown.getAccessibleText());
    }

    @Test
    void recordsFromABundleAreReadOnlyUnderTheCallersBanner() throws Exception {
        RecordsViewModel vm = RecordsViewModel.readOnly(RecordsViewModelTest.sample(), clock,
                "Opened from audit.csbundle", reported::add);
        show(vm);
        assertEquals("Opened from audit.csbundle", text("#recordsBanner"));
        assertEquals("Records in this bundle", robot.lookup(".section-title").queryAs(Label.class).getText());
        assertFalse(robot.lookup("#recordsExport").tryQuery().isPresent());
        assertFalse(robot.lookup("#recordsReload").tryQuery().isPresent());
        assertTrue(robot.lookup("#recordsReport").tryQuery().isPresent());
        assertTrue(robot.lookup("#bundleRecords").tryQuery().isPresent());
    }
}
