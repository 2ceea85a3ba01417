package dev.countersign.app.bundle;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;

/**
 * Files dropped on a window open as bundles, each in a window of its own. The bundle window installs it; the main
 * window can too: {@code BundleDrops.install(scene, bundleOpener::open)}.
 */
public final class BundleDrops {
    private BundleDrops() {}

    public static void install(Scene scene, Consumer<Path> open) {
        scene.addEventFilter(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        scene.addEventFilter(DragEvent.DRAG_DROPPED, e -> {
            boolean done = false;
            if (e.getDragboard().hasFiles()) {
                for (File f : e.getDragboard().getFiles()) {
                    open.accept(f.toPath());
                    done = true;
                }
            }
            e.setDropCompleted(done);
            e.consume();
        });
    }
}
