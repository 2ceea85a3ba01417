package dev.countersign.app.review;

import dev.countersign.app.common.Chips;
import dev.countersign.app.common.Messages;
import dev.countersign.app.common.TimeTexts;
import dev.countersign.app.queue.QueueTexts;
import java.time.Clock;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignG;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The review workspace: header; the four platform-fact panes in two rows (blast-radius graph and policy basis, then
 * dependent workloads and incident history); the agent's claim; the parameter diff;
 * and the decision bar pinned at the bottom.
 */
public final class ReviewView extends StackPane {

    public ReviewView(ReviewViewModel review, DecisionViewModel decision, AuthorityViewModel authority,
            Messages messages, QueueTexts texts, Chips chips, TimeTexts time, Clock clock) {
        getStyleClass().add("review");
        setId("review");

        // The graph needs width more than height, so the four panes take two rows: the blast-radius graph (two
        // thirds) beside the policy basis, whose "may you decide" should be seen first; then the dependent workloads
        // (sharing the graph's selection) and the incident timeline, half each. Four in one row left the graph
        // ~200 px at 1280x800, too narrow for a column per depth.
        GridPane top = grid(new double[] {66, 34});
        top.getStyleClass().add("context-panes");
        PolicyBasisPane policy = new PolicyBasisPane(review.shownProperty(), authority, messages, chips);
        policy.setPrefHeight(240); // the graph sets the row's height; the policy pane scrolls within it
        top.addRow(0, new BlastRadiusPane(review.shownProperty(), review.selectedWorkloadProperty(), messages, chips,
                time, clock), policy);
        GridPane bottom = grid(new double[] {52, 48});
        bottom.getStyleClass().add("context-panes");
        RowConstraints lists = new RowConstraints();
        lists.setMinHeight(220);
        lists.setPrefHeight(300);
        bottom.getRowConstraints().add(lists);
        bottom.addRow(0,
                new DependentWorkloadsPane(review.shownProperty(), review.selectedWorkloadProperty(), messages, chips,
                        time, clock),
                new IncidentHistoryPane(review.shownProperty(), messages, chips, clock));
        VBox panes = new VBox(10, top, bottom);

        Label facts = new Label(null, new FontIcon(MaterialDesignS.SHIELD_CHECK_OUTLINE));
        facts.getStyleClass().add("facts-caption");
        facts.textProperty().bind(Bindings.createStringBinding(() -> review.shown() == null ? ""
                : messages.format("review.factsCaption", time.localDateTime(review.shown().context().capturedAt())),
                review.shownProperty()));
        VBox scrolled = new VBox(8, facts, panes, new IntentClaimView(review.shownProperty(), messages),
                new ParameterDiffView(review.shownProperty(), messages));
        scrolled.getStyleClass().add("review-body");
        ScrollPane scroller = new ScrollPane(scrolled);
        scroller.setFitToWidth(true);
        scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroller.getStyleClass().add("review-scroll");

        BorderPane workspace = new BorderPane(scroller);
        workspace.setTop(new ProposalHeaderView(review, messages, texts, chips));
        workspace.setBottom(new DecisionBarView(decision, messages));
        workspace.visibleProperty().bind(review.shownProperty().isNotNull());

        Label empty = new Label(messages.get("review.empty"), new FontIcon(MaterialDesignG.GESTURE_TAP));
        empty.getStyleClass().add("empty-state");
        empty.visibleProperty().bind(review.shownProperty().isNull());

        getChildren().addAll(empty, workspace);
    }

    private static GridPane grid(double[] widths) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        for (double width : widths) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(width);
            column.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(column);
        }
        return grid;
    }
}
