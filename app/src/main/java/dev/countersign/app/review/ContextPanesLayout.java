package dev.countersign.app.review;

import javafx.scene.Node;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;

/**
 * Lays out the four platform-fact panes. With room for it ({@link #WIDE} and more), they stand side by side as the
 * console's design has them: blast radius, dependent workloads, incident history, policy basis. Narrower (a
 * 1280×800 window gives the review about 780 px), the graph needs width more than height, so they take two rows: the
 * blast-radius graph beside the policy basis, whose "may you decide" should be seen first; then the dependent
 * workloads (sharing the graph's selection) and the incident timeline. Four in one row there left the graph about
 * 200 px, too narrow for a column per depth.
 */
final class ContextPanesLayout extends VBox {
    /** The width from which the four panes stand in one row. */
    static final double WIDE = 1400;

    private final Node blast;
    private final Node workloads;
    private final Node incidents;
    private final Node policy;
    private Boolean wide;

    ContextPanesLayout(Node blast, Node workloads, Node incidents, Node policy) {
        super(10);
        this.blast = blast;
        this.workloads = workloads;
        this.incidents = incidents;
        this.policy = policy;
        setId("contextPanes");
        widthProperty().addListener((obs, old, width) -> arrange(width.doubleValue() >= WIDE));
        arrange(false);
    }

    /** True while the four panes stand in one row. */
    boolean wide() {
        return Boolean.TRUE.equals(wide);
    }

    private void arrange(boolean oneRow) {
        if (wide != null && wide == oneRow) {
            return;
        }
        wide = oneRow;
        getChildren().clear();
        if (oneRow) {
            GridPane row = grid(new double[] {36, 24, 20, 20}, 440);
            row.addRow(0, blast, workloads, incidents, policy);
            getChildren().add(row);
        } else {
            GridPane top = grid(new double[] {66, 34}, -1);
            top.addRow(0, blast, policy);
            GridPane bottom = grid(new double[] {52, 48}, 300);
            bottom.addRow(0, workloads, incidents);
            getChildren().addAll(top, bottom);
        }
    }

    /** A row of panes with the given shares of the width; a positive height makes the row that tall. */
    private static GridPane grid(double[] widths, double height) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("context-panes");
        grid.setHgap(10);
        for (double width : widths) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(width);
            column.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(column);
        }
        if (height > 0) {
            RowConstraints row = new RowConstraints();
            row.setMinHeight(220);
            row.setPrefHeight(height);
            row.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(row);
        }
        return grid;
    }
}
