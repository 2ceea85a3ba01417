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
 * The review workspace: header; the four platform-fact panes (the blast-radius graph across the top, workloads,
 * incidents and policy side by side below it); the agent's claim; the parameter diff;
 * and the decision bar pinned at the bottom.
 */
public final class ReviewView extends StackPane {

    public ReviewView(ReviewViewModel review, DecisionViewModel decision, AuthorityViewModel authority,
            Messages messages, QueueTexts texts, Chips chips, TimeTexts time, Clock clock) {
        getStyleClass().add("review");
        setId("review");

        // The graph needs width more than height: it takes the whole first row (column per depth), and the three
        // panes that read as lists share the second. At 1280x800 four side-by-side panes left the graph ~200 px.
        GridPane panes = new GridPane();
        panes.getStyleClass().add("context-panes");
        panes.setHgap(10);
        panes.setVgap(10);
        double[] widths = {36, 30, 34};
        for (double width : widths) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(width);
            column.setHgrow(Priority.ALWAYS);
            panes.getColumnConstraints().add(column);
        }
        RowConstraints graphRow = new RowConstraints();
        graphRow.setMinHeight(200);
        graphRow.setVgrow(Priority.NEVER);
        RowConstraints listRow = new RowConstraints();
        listRow.setMinHeight(240);
        listRow.setPrefHeight(320);
        listRow.setVgrow(Priority.ALWAYS);
        panes.getRowConstraints().addAll(graphRow, listRow);
        BlastRadiusPane blast = new BlastRadiusPane(review.shownProperty(), review.selectedWorkloadProperty(),
                messages, chips, time, clock);
        blast.setMaxHeight(360);
        panes.add(blast, 0, 0, 3, 1);
        panes.addRow(1,
                new DependentWorkloadsPane(review.shownProperty(), review.selectedWorkloadProperty(), messages, chips,
                        time, clock),
                new IncidentHistoryPane(review.shownProperty(), messages, chips, clock),
                new PolicyBasisPane(review.shownProperty(), authority, messages, chips));

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
}
