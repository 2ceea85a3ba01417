package dev.countersign.app.records;

import dev.countersign.model.bundle.RecordCheck;
import javafx.scene.control.Label;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;

/**
 * A check's state as an icon of its own shape (a tick, a cross in a warning sign, a question mark) beside text, so
 * the state never rests on colour alone; coloured in app.css by theme tokens.
 */
final class CheckBadges {
    private static final String[] STATES = {"check-ok", "check-failed", "check-unknown"};

    private CheckBadges() {}

    static Label badge() {
        Label label = new Label();
        label.getStyleClass().add("check-badge");
        label.setMinWidth(Label.USE_PREF_SIZE);
        return label;
    }

    /** Makes {@code label} show {@code state} with {@code text}. */
    static void show(Label label, RecordCheck.State state, String text, String accessible) {
        label.getStyleClass().removeAll(STATES);
        label.getStyleClass().add(styleClass(state));
        FontIcon icon = new FontIcon(switch (state) {
            case OK -> MaterialDesignC.CHECK_CIRCLE;
            case FAILED -> MaterialDesignA.ALERT_OCTAGON;
            case UNKNOWN -> MaterialDesignH.HELP_CIRCLE_OUTLINE;
        });
        label.setGraphic(icon);
        label.setText(text);
        label.setAccessibleText(accessible);
    }

    static String styleClass(RecordCheck.State state) {
        return switch (state) {
            case OK -> "check-ok";
            case FAILED -> "check-failed";
            case UNKNOWN -> "check-unknown";
        };
    }
}
