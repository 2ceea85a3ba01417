package dev.countersign.app.bundle;

import dev.countersign.app.common.Messages;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableNumberValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * A long bundle job's progress: a bar, "n of m records" and Cancel, shown only while the job runs. Ids and texts
 * follow a prefix: {@code <prefix>Progress}, {@code <prefix>ProgressText}, {@code <prefix>Cancel}, and the keys
 * {@code <prefix>.progress.a11y}, {@code <prefix>.cancel}, {@code <prefix>.cancel.a11y}.
 */
final class ProgressRow {
    private ProgressRow() {}

    static HBox of(Messages messages, String prefix, ObservableNumberValue progress, ObservableStringValue text,
            Runnable cancel, ObservableBooleanValue running) {
        ProgressBar bar = new ProgressBar();
        bar.setId(prefix + "Progress");
        bar.setAccessibleText(messages.get(prefix + ".progress.a11y"));
        bar.progressProperty().bind(progress);
        bar.setPrefWidth(320);
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label progressText = new Label();
        progressText.setId(prefix + "ProgressText");
        progressText.getStyleClass().add(prefix + "-progress-text");
        progressText.textProperty().bind(text);
        progressText.setMinWidth(Region.USE_PREF_SIZE);
        Button stop = new Button(messages.get(prefix + ".cancel"));
        stop.setId(prefix + "Cancel");
        stop.setMnemonicParsing(false);
        stop.setAccessibleText(messages.get(prefix + ".cancel.a11y"));
        stop.setOnAction(e -> cancel.run());
        HBox row = new HBox(10, bar, progressText, stop);
        row.setAlignment(Pos.CENTER_LEFT);
        row.visibleProperty().bind(running);
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }
}
