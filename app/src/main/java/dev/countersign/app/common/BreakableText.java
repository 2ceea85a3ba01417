package dev.countersign.app.common;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;

/**
 * A long identifier that wraps at its joints ('-', '.', '/', '@', '_', ':') instead of mid-word: JavaFX wraps
 * label text only at white space. Each piece is a label; the whole text is the accessible text.
 */
public final class BreakableText extends FlowPane {
    private final String text;

    public BreakableText(String text, String... styleClasses) {
        this.text = text;
        getStyleClass().add("breakable-text");
        setPrefWrapLength(60);
        setMinWidth(0);
        for (String piece : pieces(text)) {
            Label label = new Label(piece);
            label.getStyleClass().addAll(styleClasses);
            label.setMinWidth(Label.USE_PREF_SIZE);
            getChildren().add(label);
        }
        setAccessibleText(text);
    }

    public String text() {
        return text;
    }

    static List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '-' || c == '.' || c == '/' || c == '@' || c == '_' || c == ':' || c == ' ') {
                pieces.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            pieces.add(text.substring(start));
        }
        return pieces;
    }
}
