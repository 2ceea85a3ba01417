package dev.countersign.app.common;

import dev.countersign.model.api.ProposalView;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** A titled card for one kind of platform fact; its body scrolls vertically when it is taller than the card. */
public abstract class ContextPane extends VBox {
    private final VBox body = new VBox(6);
    private final Label subtitle = new Label();
    private final ScrollPane scroller;

    public ContextPane(String title, Ikon icon, String accessibleHelp) {
        getStyleClass().add("context-pane");
        Label heading = new Label(title, new FontIcon(icon));
        heading.getStyleClass().add("context-pane-title");
        subtitle.getStyleClass().add("context-pane-subtitle");
        heading.setMinWidth(0);
        subtitle.setWrapText(true);
        VBox header = new VBox(1, heading, subtitle);
        subtitle.managedProperty().bind(subtitle.textProperty().isNotEmpty());
        header.getStyleClass().add("context-pane-header");
        body.getStyleClass().add("context-pane-body");
        body.setPadding(new Insets(2, 2, 2, 2));
        scroller = new ScrollPane(body);
        scroller.setFitToWidth(true);
        scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroller.getStyleClass().add("context-pane-scroll");
        VBox.setVgrow(scroller, Priority.ALWAYS);
        getChildren().addAll(header, scroller);
        setAccessibleHelp(accessibleHelp);
        setMinWidth(0);
    }

    /** Shows whichever proposal is selected from now on; an empty pane when none is. Call last in a constructor. */
    protected final void follow(ObservableValue<ProposalView> shown) {
        shown.addListener((obs, old, view) -> update(view));
        update(shown.getValue());
    }

    /** Fills the pane with the facts of a proposal; never called with null. */
    protected abstract void show(ProposalView view);

    private void update(ProposalView view) {
        if (view == null) {
            setSubtitle(null);
            setBody();
            return;
        }
        show(view);
    }

    protected void setSubtitle(String text) {
        subtitle.setText(text == null ? "" : text);
    }

    protected void setBody(Node... nodes) {
        body.getChildren().setAll(nodes);
    }

    /** Scrolls the body so that a node inside it is in view (does nothing for a node outside the body). */
    protected void reveal(Node node) {
        double bodyHeight = body.getBoundsInLocal().getHeight();
        double viewport = scroller.getViewportBounds().getHeight();
        if (node == null || bodyHeight <= viewport) {
            return;
        }
        javafx.geometry.Bounds bounds = body.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double top = -scroller.getViewportBounds().getMinY();
        if (bounds.getMinY() < top || bounds.getMaxY() > top + viewport) {
            double target = Math.max(0, Math.min(bodyHeight - viewport, bounds.getMinY() - 8));
            scroller.setVvalue(target / (bodyHeight - viewport));
        }
    }

    protected Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("muted");
        label.setWrapText(true);
        return label;
    }
}
