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
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignG;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The review workspace: header; the four platform-fact panes (side by side when there is room, else in two rows: see
 * {@link ContextPanesLayout}); the agent's claim; the parameter diff; and the decision bar pinned at the bottom.
 */
public final class ReviewView extends StackPane {

    public ReviewView(ReviewViewModel review, DecisionViewModel decision, AuthorityViewModel authority,
            Messages messages, QueueTexts texts, Chips chips, TimeTexts time, Clock clock) {
        getStyleClass().add("review");
        setId("review");

        BlastRadiusPane blast = new BlastRadiusPane(review.shownProperty(), review.selectedWorkloadProperty(),
                messages, chips, time, clock);
        DependentWorkloadsPane workloads = new DependentWorkloadsPane(review.shownProperty(),
                review.selectedWorkloadProperty(), messages, chips, time, clock);
        IncidentHistoryPane incidents = new IncidentHistoryPane(review.shownProperty(), messages, chips, clock);
        PolicyBasisPane policy = new PolicyBasisPane(review.shownProperty(), authority, messages, chips);
        policy.setPrefHeight(240); // beside the graph, the graph sets the row's height; the policy pane scrolls
        ContextPanesLayout panes = new ContextPanesLayout(blast, workloads, incidents, policy);

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
