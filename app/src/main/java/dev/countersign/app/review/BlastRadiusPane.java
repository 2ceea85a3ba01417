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
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
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
        selectedWorkload.addListener((obs, old, id) -> reveal(id));
        setId("blastRadiusPane");
        follow(shown);
    }

    @Override
    protected void show(ProposalView view) {
        BlastRadius radius = view.context().blastRadius();
        int deepest = view.context().dependentWorkloads().stream().mapToInt(DependentWorkload::depth).max().orElse(0);
        setSubtitle(messages.format("pane.blast.subtitle", deepest));
        FlowPane summary = new FlowPane(8, 4);
        summary.setId("blastCounts");
        summary.setAlignment(Pos.CENTER_LEFT);
        summary.getChildren().add(figure(radius.identities(), messages.get("pane.blast.identities")));
        summary.getChildren().add(figure(radius.workloads(), messages.get("pane.blast.workloads")));
        for (Criticality criticality : Criticality.values()) {
            int count = radius.count(criticality);
            Label number = new Label(Integer.toString(count));
            number.getStyleClass().add(count > 0 ? "count" : "count-zero");
            HBox pair = new HBox(3, chips.criticality(criticality), number);
            pair.setAlignment(Pos.CENTER_LEFT);
            pair.setAccessibleText(messages.format("pane.blast.count.a11y", count,
                    messages.get("criticality." + criticality.json())));
            summary.getChildren().add(pair);
        }
        radius.environments().forEach(env -> {
            Label chip = chips.styled(env, "chip-env");
            chip.setAccessibleText(messages.format("pane.blast.environment.a11y", env));
            chip.setTooltip(new javafx.scene.control.Tooltip(messages.format("pane.blast.environment.a11y", env)));
            summary.getChildren().add(chip);
        });
        if (radius.environments().isEmpty()) {
            summary.getChildren().add(muted(messages.get("pane.blast.noEnvironments")));
        }

        graph.show(view);
        if (view.context().dependentWorkloads().isEmpty()) {
            setBody(summary, muted(messages.get("pane.workloads.none")));
            return;
        }
        Label legend = new Label(messages.format("pane.blast.legend", view.proposal().environment()));
        legend.getStyleClass().add("fact-meta");
        legend.setWrapText(true);
        setBody(summary, graphScroller, legend);
    }

    /** Scrolls the graph sideways so that the selected workload's node is in view. */
    private void reveal(String id) {
        if (id == null) {
            return;
        }
        Platform.runLater(() -> {
            Region node = graph.node(id);
            double extra = graph.getWidth() - graphScroller.getViewportBounds().getWidth();
            if (node == null || extra <= 0) {
                return;
            }
            double left = node.getBoundsInParent().getMinX();
            double right = node.getBoundsInParent().getMaxX();
            double shown = graphScroller.getHvalue() * extra;
            double viewport = graphScroller.getViewportBounds().getWidth();
            if (left < shown || right > shown + viewport) {
                graphScroller.setHvalue(Math.max(0, Math.min(1, (right - viewport + 8) / extra)));
            }
        });
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
}
