package dev.countersign.app.shell;

import dev.countersign.app.BuildInfo;
import dev.countersign.app.common.Messages;
import dev.countersign.app.settings.AppPaths;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Help → About: which console this is (version, build time), what it runs on (Java runtime, system), where it
 * keeps its data, cache and logs (ADR 0013), and the licences of the libraries it ships (THIRD-PARTY.txt, made at
 * build time).
 */
public final class AboutWindow {
    private final Messages messages;
    private final String stylesheet;
    private final AppPaths paths;
    private Stage stage;

    public AboutWindow(Messages messages, String stylesheet, AppPaths paths) {
        this.messages = messages;
        this.stylesheet = stylesheet;
        this.paths = paths;
    }

    public void show(Window owner) {
        if (stage == null) {
            stage = build(owner);
        }
        stage.show();
        stage.toFront();
    }

    private Stage build(Window owner) {
        GridPane facts = new GridPane();
        facts.setHgap(16);
        facts.setVgap(6);
        fact(facts, 0, "about.version", BuildInfo.version(), "aboutVersion");
        fact(facts, 1, "about.built", BuildInfo.builtAt().orElse(messages.get("about.built.unknown")), "aboutBuilt");
        fact(facts, 2, "about.runtime", BuildInfo.runtime(), "aboutRuntime");
        fact(facts, 3, "about.system", BuildInfo.system(), "aboutSystem");
        fact(facts, 4, "about.dataDir", paths.data().toString(), "aboutDataDir");
        fact(facts, 5, "about.cacheDir", paths.cache().toString(), "aboutCacheDir");
        fact(facts, 6, "about.logDir", paths.logs().toString(), "aboutLogDir");

        Label title = new Label(messages.get("about.heading"));
        title.getStyleClass().add("title-3");
        Label noticesLabel = new Label(messages.get("about.notices"));
        noticesLabel.getStyleClass().add("text-bold");
        TextArea notices = new TextArea(BuildInfo.notices().orElse(messages.get("about.notices.none")));
        notices.setId("aboutNotices");
        notices.setEditable(false);
        notices.setWrapText(false);
        notices.getStyleClass().add("about-notices");
        notices.setAccessibleText(messages.get("about.notices"));
        noticesLabel.setLabelFor(notices);
        VBox.setVgrow(notices, Priority.ALWAYS);

        Button close = new Button(messages.get("about.close"));
        close.setId("aboutClose");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.hide());
        HBox buttons = new HBox(close);
        buttons.setStyle("-fx-alignment: center-right;");

        VBox root = new VBox(12, title, facts, noticesLabel, notices, buttons);
        root.setPadding(new Insets(20));
        root.setId("aboutWindow");
        Stage window = new Stage();
        AppIcons.apply(window);
        window.initOwner(owner);
        window.initModality(Modality.NONE);
        window.setTitle(messages.get("about.title"));
        Scene scene = new Scene(root, 760, 560);
        scene.getStylesheets().add(stylesheet);
        window.setScene(scene);
        return window;
    }

    private void fact(GridPane grid, int row, String key, String value, String id) {
        Label name = new Label(messages.get(key));
        name.getStyleClass().add("text-muted");
        Label shown = new Label(value);
        shown.setId(id);
        shown.setWrapText(true);
        shown.setAccessibleText(messages.get(key) + ": " + value);
        grid.addRow(row, name, shown);
    }
}
