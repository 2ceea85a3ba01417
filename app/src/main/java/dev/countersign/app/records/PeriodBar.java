package dev.countersign.app.records;

import dev.countersign.app.common.Messages;
import java.time.LocalDate;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * The period: a preset (last 24 hours, 7 days, 30 days, all) or "dates" with a from and a to date (either may be left
 * empty). A from after the to is refused with a message; the period then stays as it was.
 */
public final class PeriodBar extends HBox {
    private final ObjectProperty<RecordPeriod> period;
    private final ComboBox<RecordPeriod.Preset> preset = new ComboBox<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Label problem = new Label();
    private final Messages messages;
    private boolean updating;

    /** @param idPrefix the prefix of the controls' ids: {@code records} gives recordsPeriod, recordsFrom, recordsTo */
    public PeriodBar(Messages messages, ObjectProperty<RecordPeriod> period, String idPrefix) {
        super(4);
        this.messages = messages;
        this.period = period;
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("period-bar");
        preset.getItems().setAll(RecordPeriod.Preset.values());
        preset.setConverter(new StringConverter<>() {
            @Override
            public String toString(RecordPeriod.Preset p) {
                return p == null ? "" : messages.get("records.period." + p.key());
            }

            @Override
            public RecordPeriod.Preset fromString(String s) {
                return null;
            }
        });
        preset.setId(idPrefix + "Period");
        preset.setAccessibleText(messages.get("records.period.a11y"));
        preset.setTooltip(new Tooltip(messages.get("records.period.a11y")));
        from.setId(idPrefix + "From");
        from.setPromptText(messages.get("records.period.from"));
        from.setAccessibleText(messages.get("records.period.from.a11y"));
        to.setId(idPrefix + "To");
        to.setPromptText(messages.get("records.period.to"));
        to.setAccessibleText(messages.get("records.period.to.a11y"));
        for (DatePicker picker : new DatePicker[] {from, to}) {
            picker.setPrefWidth(130);
            picker.managedProperty().bind(picker.visibleProperty());
            picker.valueProperty().addListener((obs, old, value) -> datesChanged());
        }
        problem.setId(idPrefix + "PeriodProblem");
        problem.getStyleClass().add("period-problem");
        problem.setGraphic(new FontIcon(MaterialDesignC.CALENDAR_ALERT));
        problem.managedProperty().bind(problem.visibleProperty());
        problem.setVisible(false);
        preset.valueProperty().addListener((obs, old, value) -> presetChanged(value));
        period.addListener((obs, old, value) -> show(value));
        show(period.get());
        getChildren().addAll(new FontIcon(MaterialDesignC.CALENDAR_RANGE), preset, from, to, problem);
    }

    private void presetChanged(RecordPeriod.Preset value) {
        if (updating || value == null) {
            return;
        }
        if (value == RecordPeriod.Preset.DATES) {
            showDates(true);
            datesChanged();
        } else {
            period.set(RecordPeriod.last(value));
        }
    }

    private void datesChanged() {
        if (updating || preset.getValue() != RecordPeriod.Preset.DATES) {
            return;
        }
        LocalDate start = from.getValue();
        LocalDate end = to.getValue();
        if (start != null && end != null && start.isAfter(end)) {
            problem.setText(messages.get("records.period.backwards"));
            problem.setAccessibleText(problem.getText());
            problem.setVisible(true);
            return;
        }
        problem.setVisible(false);
        period.set(RecordPeriod.dates(start, end));
    }

    private void show(RecordPeriod value) {
        RecordPeriod p = value == null ? RecordPeriod.ALL : value;
        updating = true;
        try {
            preset.setValue(p.preset());
            if (p.preset() == RecordPeriod.Preset.DATES) {
                from.setValue(p.from());
                to.setValue(p.to());
            }
            showDates(p.preset() == RecordPeriod.Preset.DATES);
            problem.setVisible(false);
        } finally {
            updating = false;
        }
    }

    private void showDates(boolean visible) {
        from.setVisible(visible);
        to.setVisible(visible);
    }
}
