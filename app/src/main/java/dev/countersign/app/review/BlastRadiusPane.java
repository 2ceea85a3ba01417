package dev.countersign.app.review;

import dev.countersign.app.common.Chips;
import dev.countersign.app.common.ContextPane;
import dev.countersign.app.common.Messages;
import dev.countersign.model.BlastRadius;
import dev.countersign.model.Criticality;
import dev.countersign.model.api.ProposalView;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/** What the action reaches: identities, workloads by criticality, environments. */
public final class BlastRadiusPane extends ContextPane {
    private final Messages messages;
    private final Chips chips;

    public BlastRadiusPane(ObservableValue<ProposalView> shown, Messages messages, Chips chips) {
        super(messages.get("pane.blast.title"), MaterialDesignR.RADIOBOX_MARKED, messages.get("pane.blast.help"));
        this.messages = messages;
        this.chips = chips;
        setId("blastRadiusPane");
        follow(shown);
    }

    @Override
    protected void show(ProposalView view) {
        BlastRadius radius = view.context().blastRadius();
        setSubtitle(null);
        HBox identities = figure(radius.identities(), messages.get("pane.blast.identities"));
        HBox workloads = figure(radius.workloads(), messages.get("pane.blast.workloads"));
        VBox figures = new VBox(2, identities, workloads);

        GridPane byCriticality = new GridPane();
        byCriticality.setHgap(8);
        byCriticality.setVgap(4);
        int row = 0;
        for (Criticality criticality : Criticality.values()) {
            int count = radius.count(criticality);
            Label number = new Label(Integer.toString(count));
            number.getStyleClass().add(count > 0 ? "count" : "count-zero");
            byCriticality.addRow(row++, chips.criticality(criticality), number);
        }

        FlowPane environments = new FlowPane(4, 4);
        radius.environments().forEach(env -> environments.getChildren().add(chips.styled(env, "chip-env")));
        if (radius.environments().isEmpty()) {
            environments.getChildren().add(muted(messages.get("pane.blast.noEnvironments")));
        }
        setBody(figures, section(messages.get("pane.blast.byCriticality")), byCriticality,
                section(messages.get("pane.blast.environments")), environments);
    }

    private static HBox figure(int value, String caption) {
        Label number = new Label(Integer.toString(value));
        number.getStyleClass().add("figure");
        number.setMinWidth(Label.USE_PREF_SIZE);
        Label text = new Label(caption);
        text.getStyleClass().add("figure-caption");
        HBox box = new HBox(6, number, text);
        box.setAlignment(Pos.BASELINE_LEFT);
        return box;
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-label");
        return label;
    }
}
