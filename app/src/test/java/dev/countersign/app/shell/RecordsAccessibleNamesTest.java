package dev.countersign.app.shell;

import static dev.countersign.app.records.TestRows.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.countersign.app.common.Chips;
import dev.countersign.app.common.Messages;
import dev.countersign.app.common.SyncTaskRunner;
import dev.countersign.app.common.TimeTexts;
import dev.countersign.app.common.UserErrors;
import dev.countersign.app.oversight.OversightTexts;
import dev.countersign.app.oversight.OversightView;
import dev.countersign.app.oversight.OversightViewModel;
import dev.countersign.app.records.DemoRows;
import dev.countersign.app.records.RecordPeriod;
import dev.countersign.app.records.RecordRow;
import dev.countersign.app.records.RecordTexts;
import dev.countersign.app.records.RecordsView;
import dev.countersign.app.records.RecordsViewModel;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.Chart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The records view (a record open, dates shown) and the oversight figures at 1280×800: every control has a name, no
 * text is a missing key, and every chart's accessible text says its figure.
 */
class RecordsAccessibleNamesTest {
    private final FxRobot robot = new FxRobot();
    private final Messages messages = Messages.load(Locale.ENGLISH);
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void everyControlIsNamedAndEveryChartSaysItsFigure() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(Theme.LIGHT::apply);
        List<RecordRow> rows = DemoRows.month();
        RecordsViewModel records = RecordsViewModel.live(new SyncTaskRunner(), clock, () -> rows,
                new UserErrors(messages), new RecordsViewModel.Actions(r -> { }, r -> { }));
        records.reload();
        TimeTexts time = new TimeTexts(messages, ZoneOffset.UTC);
        OversightViewModel oversight = new OversightViewModel(records, clock,
                new OversightTexts(messages, time, ZoneOffset.UTC));
        RecordsView view = show(() -> new RecordsView(records, new RecordTexts(messages, time, ZoneOffset.UTC),
                new Chips(messages)));
        robot.interact(() -> {
            records.selectedRows().setAll(rows.stream().filter(RecordRow::failed).findFirst().orElseThrow());
            records.periodProperty().set(RecordPeriod.dates(null, null));
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), AccessibleNamesTest.problems(view), "records view");

        OversightView figures = show(() -> new OversightView(oversight));
        assertEquals(List.of(), AccessibleNamesTest.problems(figures), "oversight");
        List<String> charts = robot.lookup(".chart").queryAllAs(Chart.class).stream()
                .map(Chart::getAccessibleText).sorted().toList();
        assertEquals(5, charts.size());
        assertEquals("Time to decision: " + oversight.timeSummaryProperty().get(), charts.get(4));
        for (String text : charts) {
            assertEquals(false, text.contains("!"), text);
        }
    }

    private <T extends Parent> T show(java.util.function.Supplier<T> view) throws Exception {
        Object[] made = new Object[1];
        FxToolkit.setupStage(stage -> {
            T root = view.get();
            made[0] = root;
            Scene scene = new Scene(root, 1280, 800);
            scene.getStylesheets().add(getClass().getResource("/dev/countersign/app/app.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        T root = (T) made[0];
        return root;
    }
}
