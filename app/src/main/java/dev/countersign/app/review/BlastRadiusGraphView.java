package dev.countersign.app.review;

import dev.countersign.app.common.Messages;
import dev.countersign.app.common.TimeTexts;
import dev.countersign.model.DependentWorkload;
import dev.countersign.model.Failover;
import dev.countersign.model.TargetRef;
import dev.countersign.model.api.ProposalView;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.css.PseudoClass;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.CubicCurve;

/**
 * The blast radius drawn as a graph: the target on the left, one column per depth, edges from what breaks to what
 * breaks with it. Every workload is a focusable button (Tab, Enter or a click selects it); the selection is the
 * shared selected-workload id. Columns longer than {@link #MAX_ROWS} fold into "+N more" until expanded.
 */
public final class BlastRadiusGraphView extends Region {
    static final int MAX_ROWS = 5;
    private static final double NODE_MIN = 128;
    private static final double NODE_MAX = 230;
    private static final double NODE_H = 50;
    private static final double HGAP = 26;
    private static final double VGAP = 6;
    private static final double HEADER = 22;
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private final Messages messages;
    private final TimeTexts time;
    private final Clock clock;
    private final ObjectProperty<String> selected;
    private final Map<String, Region> nodes = new HashMap<>();
    private final Map<BlastRadiusGraph.Edge, CubicCurve> curves = new HashMap<>();
    private final Map<Integer, Label> headers = new HashMap<>();
    private final Map<Integer, Button> more = new HashMap<>();
    private List<DependentWorkload> workloads = List.of();
    private TargetRef target;
    private String environment;
    private boolean expanded;
    private BlastRadiusGraph graph = BlastRadiusGraph.of(List.of(), MAX_ROWS, false, null);

    public BlastRadiusGraphView(Messages messages, TimeTexts time, Clock clock, ObjectProperty<String> selected) {
        this.messages = messages;
        this.time = time;
        this.clock = clock;
        this.selected = selected;
        setId("blastRadiusGraph");
        getStyleClass().add("blast-graph");
        setAccessibleText(messages.get("graph.a11y"));
        selected.addListener((obs, old, id) -> select(id));
    }

    /** Draws the given proposal's blast radius; starts folded. */
    public void show(ProposalView view) {
        target = view.proposal().target();
        environment = view.proposal().environment();
        workloads = view.context().dependentWorkloads();
        expanded = false;
        rebuild();
    }

    /** The node drawn for a workload (or {@link BlastRadiusGraph#TARGET}), if it is drawn. */
    public Region node(String id) {
        return nodes.get(id);
    }

    /** Whether some column folds rows into "+N more". */
    public boolean folded() {
        return graph.columns().stream().anyMatch(c -> c.hidden() > 0);
    }

    private void rebuild() {
        graph = BlastRadiusGraph.of(workloads, MAX_ROWS, expanded, selected.get());
        nodes.clear();
        curves.clear();
        headers.clear();
        more.clear();
        getChildren().clear();
        for (BlastRadiusGraph.Edge edge : graph.edges()) {
            CubicCurve curve = new CubicCurve();
            curve.getStyleClass().add(edge.backward() ? "graph-edge-back" : "graph-edge");
            curve.setMouseTransparent(true);
            curves.put(edge, curve);
            getChildren().add(curve);
        }
        headers.put(0, header(messages.get("graph.column.target")));
        nodes.put(BlastRadiusGraph.TARGET, targetNode());
        for (int c = 0; c < graph.columns().size(); c++) {
            BlastRadiusGraph.Column column = graph.columns().get(c);
            headers.put(c + 1, header(column.depth() == 1 ? messages.get("graph.column.direct")
                    : messages.format("graph.column.depth", column.depth())));
            for (DependentWorkload w : column.shown()) {
                nodes.put(w.id(), workloadNode(w));
            }
            if (column.hidden() > 0) {
                Button fold = new Button(messages.format("graph.more", column.hidden()));
                fold.getStyleClass().add("graph-more");
                fold.setId("graphMore-" + column.depth());
                fold.setAccessibleText(messages.format("graph.more.a11y", column.hidden(), column.depth()));
                fold.setOnAction(e -> {
                    expanded = true;
                    rebuild();
                });
                more.put(c + 1, fold);
                getChildren().add(fold);
            }
        }
        select(selected.get());
        requestLayout();
    }

    private Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("graph-column-header");
        getChildren().add(label);
        return label;
    }

    private Region targetNode() {
        Label name = nameLabel(target.name());
        Label meta = new Label(messages.format("graph.target.meta", environment));
        meta.getStyleClass().add("graph-node-meta");
        VBox node = node(name, meta, () -> selected.set(null));
        node.getStyleClass().add("graph-target");
        node.setId("graphTarget");
        Tooltip.install(node, new Tooltip(target.name() + " (" + target.id() + ")"));
        node.setAccessibleText(messages.format("graph.target.a11y", target.name(), environment, workloads.size()));
        return node;
    }

    private Region workloadNode(DependentWorkload w) {
        Label name = nameLabel(w.name());
        boolean elsewhere = !Objects.equals(w.environment(), environment);
        String risk = messages.format("graph.node.meta", messages.get("criticality." + w.criticality().json()),
                messages.get("failover." + w.failover().json()));
        Label meta = new Label(elsewhere ? messages.format("graph.node.metaEnv", w.environment(), risk) : risk);
        meta.getStyleClass().add("graph-node-meta");
        VBox node = node(name, meta, () -> selected.set(w.id()));
        node.getStyleClass().add("graph-crit-" + w.criticality().json());
        if (w.failover() == Failover.NONE) {
            node.getStyleClass().add("graph-no-failover");
        }
        if (elsewhere) {
            node.getStyleClass().add("graph-env-other");
        }
        node.setId("workloadNode-" + w.id());
        Tooltip.install(node, new Tooltip(messages.format("graph.node.tip", w.name(), w.owner(), w.environment(),
                messages.get("criticality." + w.criticality().json()), messages.get("failover." + w.failover().json()),
                time.ago(w.lastUsed(), clock.instant()), w.depth())));
        node.setAccessibleText(messages.format("a11y.workload", w.name(), w.owner(), w.environment(),
                messages.get("criticality." + w.criticality().json()), messages.get("failover." + w.failover().json()),
                time.ago(w.lastUsed(), clock.instant()), w.depth()));
        return node;
    }

    /** A name on up to two lines (the node's height clips the rest with an ellipsis). */
    private static Label nameLabel(String text) {
        Label name = new Label(text);
        name.getStyleClass().add("graph-node-name");
        name.setWrapText(true);
        name.setMinHeight(0);
        VBox.setVgrow(name, Priority.ALWAYS);
        return name;
    }

    /** A focusable, clickable node: a click, Enter or Space runs {@code action}. */
    private VBox node(Label name, Label meta, Runnable action) {
        meta.setMinHeight(Label.USE_PREF_SIZE);
        VBox node = new VBox(0, name, meta);
        node.getStyleClass().add("graph-node");
        node.setFocusTraversable(true);
        node.setAccessibleRole(AccessibleRole.BUTTON);
        node.setOnMouseClicked(e -> {
            node.requestFocus();
            action.run();
        });
        node.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                action.run();
                e.consume();
            }
        });
        getChildren().add(node);
        return node;
    }

    private void select(String id) {
        if (id != null && nodes.get(id) == null && workloads.stream().anyMatch(w -> w.id().equals(id))) {
            rebuild(); // the selection was folded away: show its column whole
            return;
        }
        nodes.forEach((key, node) -> node.pseudoClassStateChanged(SELECTED, key.equals(id)));
        curves.forEach((edge, curve) -> {
            boolean active = id != null && BlastRadiusGraph.touches(edge, id);
            curve.getStyleClass().remove("graph-edge-active");
            if (active) {
                curve.getStyleClass().add("graph-edge-active");
                // above the other edges, still below every node (so Tab keeps the nodes' column order)
                getChildren().remove(curve);
                getChildren().add(curves.size() - 1, curve);
            }
        });
    }

    private int columnCount() {
        return graph.columns().size() + 1;
    }

    private double nodeWidth(double width) {
        double free = width - snappedLeftInset() - snappedRightInset() - HGAP * (columnCount() - 1);
        return Math.max(NODE_MIN, Math.min(NODE_MAX, free / columnCount()));
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + snappedRightInset() + columnCount() * NODE_MIN + (columnCount() - 1) * HGAP;
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + snappedRightInset() + columnCount() * NODE_MAX + (columnCount() - 1) * HGAP;
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + snappedBottomInset() + HEADER + Math.max(1, graph.rows()) * (NODE_H + VGAP);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        double w = nodeWidth(getWidth());
        double left = snappedLeftInset();
        double top = snappedTopInset();
        headers.forEach((column, label) -> label.resizeRelocate(left + column * (w + HGAP), top, w, HEADER - 4));
        Map<String, double[]> boxes = new HashMap<>();
        nodes.forEach((id, node) -> graph.position(id).ifPresent(p -> {
            double x = left + p.column() * (w + HGAP);
            double y = top + HEADER + p.row() * (NODE_H + VGAP);
            node.resizeRelocate(x, y, w, NODE_H);
            boxes.put(id, new double[] {x, y});
        }));
        more.forEach((column, button) -> {
            int row = graph.columns().get(column - 1).shown().size();
            button.resizeRelocate(left + column * (w + HGAP), top + HEADER + row * (NODE_H + VGAP), w, NODE_H * 0.75);
        });
        curves.forEach((edge, curve) -> {
            double[] from = boxes.get(edge.from());
            double[] to = boxes.get(edge.to());
            if (from == null || to == null) {
                curve.setVisible(false);
                return;
            }
            curve.setVisible(true);
            double mid = NODE_H / 2;
            if (edge.backward()) { // a cycle or a same-column edge: loop out of the left sides
                curve.setStartX(from[0]);
                curve.setStartY(from[1] + mid);
                curve.setEndX(to[0]);
                curve.setEndY(to[1] + mid);
                double bend = Math.min(left + 2, from[0]) - HGAP * 0.6;
                curve.setControlX1(Math.max(0, from[0] - HGAP * 0.8));
                curve.setControlY1(from[1] + mid);
                curve.setControlX2(Math.max(bend, to[0] - HGAP * 0.8));
                curve.setControlY2(to[1] + mid);
            } else {
                curve.setStartX(from[0] + w);
                curve.setStartY(from[1] + mid);
                curve.setEndX(to[0]);
                curve.setEndY(to[1] + mid);
                double dx = (to[0] - from[0] - w) / 2;
                curve.setControlX1(from[0] + w + dx);
                curve.setControlY1(from[1] + mid);
                curve.setControlX2(to[0] - dx);
                curve.setControlY2(to[1] + mid);
            }
        });
    }
}
