package dev.countersign.app.common;

import dev.countersign.app.shell.AppIcons;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** A small modal window for a form, themed like the main window; Escape and the close box both mean "cancel". */
public final class FormWindow {
    private FormWindow() {}

    public static Stage open(Window owner, String title, Parent content, String stylesheet, Runnable onCancel) {
        Stage stage = new Stage();
        AppIcons.apply(stage);
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        } else {
            stage.initModality(Modality.APPLICATION_MODAL);
        }
        stage.setTitle(title);
        Scene scene = new Scene(content);
        if (stylesheet != null) {
            scene.getStylesheets().add(stylesheet);
        }
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                onCancel.run();
            }
        });
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            e.consume();
            onCancel.run();
        });
        stage.setResizable(false);
        return stage;
    }

    /** Closes the window once its view model says the form is done. */
    public static void closeWhen(Stage stage, ObservableBooleanValue closed) {
        closed.addListener((obs, old, done) -> {
            if (done) {
                stage.close();
            }
        });
    }
}
