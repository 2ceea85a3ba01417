package dev.countersign.app.review;

import dev.countersign.app.common.Messages;
import dev.countersign.app.common.UntrustedText;
import dev.countersign.model.api.ProposalView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

/**
 * Every parameter, before → after, in monospace; changed keys highlighted, nothing truncated (values wrap). Values
 * come from the agent, so hidden characters are revealed here too.
 */
public final class ParameterDiffView extends VBox {
    private final Messages messages;
    private final Label title = new Label();
    private final GridPane grid = new GridPane();
    private final Label warning = new Label();

    public ParameterDiffView(ObservableValue<ProposalView> shown, Messages messages) {
        this.messages = messages;
        getStyleClass().add("diff");
        setId("parameterDiff");
        setSpacing(6);
        title.getStyleClass().add("section-title");
        title.setGraphic(new FontIcon(MaterialDesignF.FILE_COMPARE));
        grid.getStyleClass().add("diff-grid");
        ColumnConstraints key = new ColumnConstraints();
        key.setPercentWidth(30);
        ColumnConstraints value = new ColumnConstraints();
        value.setPercentWidth(33);
        value.setHgrow(Priority.ALWAYS);
        ColumnConstraints arrow = new ColumnConstraints();
        arrow.setPercentWidth(4);
        grid.getColumnConstraints().addAll(key, value, arrow, value);
        warning.getStyleClass().add("claim-warning");
        warning.setId("parameterWarning");
        warning.setGraphic(new FontIcon(MaterialDesignA.ALERT_OUTLINE));
        warning.setWrapText(true);
        warning.setMinHeight(Region.USE_PREF_SIZE);
        warning.managedProperty().bind(warning.visibleProperty());
        getChildren().addAll(title, warning, grid);
        shown.addListener((obs, old, view) -> render(view));
        render(shown.getValue());
    }

    private void render(ProposalView view) {
        setVisible(view != null);
        setManaged(view != null);
        grid.getChildren().clear();
        if (view == null) {
            return;
        }
        ParameterDiff diff = ParameterDiff.of(view.proposal().parameters().before(),
                view.proposal().parameters().after());
        title.setText(messages.format("diff.title", diff.changedCount(), diff.lines().size()));
        grid.addRow(0, header("diff.col.key"), header("diff.col.before"), new Label(), header("diff.col.after"));
        List<UntrustedText.Revealed> untrusted = new ArrayList<>();
        for (ParameterDiff.Line line : diff.lines()) {
            untrusted.add(UntrustedText.reveal(line.key()));
            for (String json : new String[] {line.before(), line.after()}) {
                if (json != null) {
                    untrusted.add(UntrustedText.reveal(json));
                }
            }
        }
        String findings = UntrustedWarning.of(messages, "untrusted.subject.parameters", untrusted);
        warning.setText(findings);
        warning.setAccessibleText(findings);
        warning.setVisible(!findings.isEmpty());
        int row = 1;
        for (ParameterDiff.Line line : diff.lines()) {
            String style = "diff-" + line.change().name().toLowerCase(Locale.ROOT);
            boolean same = line.change() == ParameterDiff.Change.SAME;
            Label key = cell(UntrustedText.reveal(line.key()).text(), style);
            if (!same) {
                key.setAccessibleText(messages.format("a11y.diffChanged", key.getText(), value(line.before()),
                        value(line.after())));
            }
            grid.addRow(row++, key, cell(value(line.before()), style), cell(messages.get(same ? "diff.same" : "diff.changed"), style),
                    cell(value(line.after()), style));
        }
        if (diff.lines().isEmpty()) {
            grid.addRow(1, cell(messages.get("diff.empty"), "diff-same"));
        }
    }

    private String value(String json) {
        return json == null ? messages.get("diff.absent") : UntrustedText.reveal(json).text();
    }

    private Label header(String key) {
        Label label = new Label(messages.get(key));
        label.getStyleClass().add("fact-header");
        return label;
    }

    private static Label cell(String text, String style) {
        Label label = new Label(text);
        label.getStyleClass().addAll("diff-cell", "mono", style);
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        label.setMaxHeight(Double.MAX_VALUE);
        label.setMinHeight(Region.USE_PREF_SIZE); // wrap, never ellipsize
        return label;
    }
}
