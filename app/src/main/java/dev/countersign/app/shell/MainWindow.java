package dev.countersign.app.shell;

import dev.countersign.app.queue.QueueView;
import dev.countersign.app.review.ReviewView;
import javafx.scene.Parent;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;

/** The main window's content: queue on the left, review on the right, status bar at the bottom. */
public final class MainWindow {
    /** Where the queue ends, as a share of the window's width. */
    public static final double DIVIDER = 0.38;

    private final BorderPane root = new BorderPane();
    private final SplitPane split;

    public MainWindow(QueueView queue, ReviewView review, StatusBarView status) {
        split = new SplitPane(queue, review);
        split.setDividerPositions(DIVIDER);
        split.getStyleClass().add("main-split");
        SplitPane.setResizableWithParent(queue, false);
        root.setCenter(split);
        root.setBottom(status);
        root.getStyleClass().add("main-window");
        root.setId("mainWindow");
    }

    public Parent root() {
        return root;
    }
}
