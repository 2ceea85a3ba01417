package dev.countersign.app.common;

import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

/** The pieces every form window shows the same way: an inline error line and a "working…" indicator. */
public final class FormParts {
    private FormParts() {}

    /** A wrapped error line that takes no room while the error text is empty. */
    public static Label errorLine(String id, ObservableStringValue error) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.getStyleClass().add("form-error");
        label.setGraphic(new FontIcon(MaterialDesignA.ALERT_CIRCLE_OUTLINE));
        label.textProperty().bind(error);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    /** A small spinner with a caption, shown while the form's work runs in the background. */
    public static Label busyIndicator(String caption, ObservableBooleanValue busy) {
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        Label label = new Label(caption, progress);
        label.visibleProperty().bind(busy);
        return label;
    }

    /** The indicator on the left, the form's buttons on the right. */
    public static HBox buttonRow(Node busy, Node... buttons) {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(8, busy, spacer);
        row.getChildren().addAll(buttons);
        row.setAlignment(Pos.CENTER_RIGHT);
        return row;
    }
}
