package dev.countersign.app.oversight;

import static dev.countersign.app.records.TestRows.NOW;
import static dev.countersign.app.records.TestRows.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.countersign.app.common.Messages;
import dev.countersign.app.common.TimeTexts;
import dev.countersign.app.records.RecordPeriod;
import dev.countersign.app.records.RecordRow;
import dev.countersign.model.ActionType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The oversight tab shows its figures in words and computes them afresh, at the clock's time, each time it is shown. */
class OversightViewUiTest {
    private final FxRobot robot = new FxRobot();

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        Instant now = NOW;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void anExceptionThatEndedWhileTheTabWasHiddenIsGoneWhenItIsShownAgain() throws Exception {
        FxToolkit.registerPrimaryStage();
        Messages messages = Messages.load(Locale.ENGLISH);
        MovingClock clock = new MovingClock();
        ObservableList<RecordRow> rows = FXCollections.observableArrayList(
                row("r1", "p1").action(ActionType.GRANT_TEMPORARY_EXCEPTION).decidedAt(NOW.minus(Duration.ofHours(3)))
                        .window(NOW.minus(Duration.ofHours(3)), NOW.plus(Duration.ofHours(1))).build());
        OversightViewModel vm = new OversightViewModel(rows, new SimpleObjectProperty<>(RecordPeriod.ALL), clock,
                new OversightTexts(messages, new TimeTexts(messages, ZoneOffset.UTC), ZoneOffset.UTC));
        TabPane tabs = new TabPane(new Tab("Queue", new Label("queue")), new Tab("Oversight", null));
        FxToolkit.setupStage(stage -> {
            tabs.getTabs().get(1).setContent(new OversightView(vm));
            stage.setScene(new Scene(tabs, 1280, 800));
            stage.show();
        });
        robot.interact(() -> tabs.getSelectionModel().select(1));
        Label summary = robot.lookup("#oversightExceptionSummary").queryAs(Label.class);
        assertEquals("1 open; the oldest was approved 3h ago; each has an end.", summary.getText());
        robot.interact(() -> tabs.getSelectionModel().select(0));
        clock.now = NOW.plus(Duration.ofHours(2));
        robot.interact(() -> tabs.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("No temporary exception is open.", summary.getText());
        assertEquals("Temporary exceptions still open: No temporary exception is open.",
                robot.lookup("#oversightExceptionChart").query().getAccessibleText());
    }
}
