package dev.countersign.app.review;

import dev.countersign.app.common.Chips;
import dev.countersign.app.common.ContextPane;
import dev.countersign.app.common.Messages;
import dev.countersign.app.common.TimeTexts;
import dev.countersign.model.BlastRadius;
import dev.countersign.model.Criticality;
import dev.countersign.model.DependentWorkload;
import dev.countersign.model.api.ProposalView;
import java.time.Clock;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/**
 * What the action reaches: the graph of dependent workloads (target, depth 1, depth 2+), beside the figures —
 * identities, workloads by criticality, environments.
 */
public final class BlastRadiusPane extends ContextPane {
    private final Messages messages;
    private final Chips chips;
    private final BlastRadiusGraphView graph;
    private final ScrollPane graphScroller;

    public BlastRadiusPane(ObservableValue<ProposalView> shown, ObjectProperty<String> selectedWorkload,
            Messages messages, Chips chips, TimeTexts time, Clock clock) {
        super(messages.get("pane.blast.title"), MaterialDesignR.RADIOBOX_MARKED, messages.get("pane.blast.help"));
        this.messages = messages;
        this.chips = chips;
        this.graph = new BlastRadiusGraphView(messages, time, clock, selectedWorkload);
        this.graphScroller = new ScrollPane(graph);
        graphScroller.setFitToWidth(true);
        graphScroller.setFitToHeight(true);
        graphScroller.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        graphScroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        graphScroller.getStyleClass().add("blast-graph-scroll");
        graphScroller.setMinWidth(0);
        HBox.setHgrow(graphScroller, Priority.ALWAYS);
        setId("blastRadiusPane");
        follow(shown);
    }

    @Override
    protected void show(ProposalView view) {
        BlastRadius radius = view.context().blastRadius();
        int deepest = view.context().dependentWorkloads().stream().mapToInt(DependentWorkload::depth).max().orElse(0);
        setSubtitle(messages.format("pane.blast.subtitle", radius.workloads(), radius.identities(), deepest));
        VBox figures = new VBox(2, figure(radius.identities(), messages.get("pane.blast.identities")),
                figure(radius.workloads(), messages.get("pane.blast.workloads")));

        GridPane byCriticality = new GridPane();
        byCriticality.setId("blastCounts");
        byCriticality.setHgap(8);
        byCriticality.setVgap(3);
        int row = 0;
        for (Criticality criticality : Criticality.values()) {
            int count = radius.count(criticality);
            Label number = new Label(Integer.toString(count));
            number.getStyleClass().add(count > 0 ? "count" : "count-zero");
            number.setAccessibleText(messages.format("pane.blast.count.a11y", count,
                    messages.get("criticality." + criticality.json())));
            byCriticality.addRow(row++, chips.criticality(criticality), number);
        }

        FlowPane environments = new FlowPane(4, 4);
        radius.environments().forEach(env -> environments.getChildren().add(chips.styled(env, "chip-env")));
        if (radius.environments().isEmpty()) {
            environments.getChildren().add(muted(messages.get("pane.blast.noEnvironments")));
        }
        VBox facts = new VBox(6, figures, section(messages.get("pane.blast.byCriticality")), byCriticality,
                section(messages.get("pane.blast.environments")), environments);
        facts.getStyleClass().add("blast-facts");
        facts.setMinWidth(130);
        facts.setPrefWidth(150);
        facts.setMaxWidth(170);

        graph.show(view);
        if (view.context().dependentWorkloads().isEmpty()) {
            setBody(new HBox(16, facts, muted(messages.get("pane.workloads.none"))));
            return;
        }
        HBox body = new HBox(16, facts, graphScroller);
        body.setAlignment(Pos.TOP_LEFT);
        setBody(body);
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
        label.setWrapText(true);
        return label;
    }
}
