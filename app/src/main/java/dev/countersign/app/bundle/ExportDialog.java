package dev.countersign.app.bundle;

import atlantafx.base.theme.Styles;
import dev.countersign.app.common.Messages;
import dev.countersign.app.records.RecordRow;
import dev.countersign.app.shell.AppIcons;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

/**
 * The export window: what is exported, a refusal naming what is missing, the progress with Cancel, and where the
 * bundle went with "Open bundle". Wire {@link #open(List)} to the records view's export action.
 */
public final class ExportDialog {
    private final ExportViewModel vm;
    private final Messages messages;
    private final String stylesheet;
    private final Supplier<Window> owner;
    private final Consumer<Path> openBundle;
    private Stage stage;

    /**
     * @param owner      the main window (the export window is modal to it)
     * @param openBundle opens a saved bundle (the console's {@code BundleOpener::open})
     */
    public ExportDialog(ExportViewModel vm, Messages messages, String stylesheet, Supplier<Window> owner,
            Consumer<Path> openBundle) {
        this.vm = vm;
        this.messages = messages;
        this.stylesheet = stylesheet;
        this.owner = owner;
        this.openBundle = openBundle;
    }

    /** Exports the selected records: shows the window, then refuses or asks where to save. */
    public void open(List<RecordRow> selection) {
        if (vm.busyProperty().get()) {
            stage.toFront();
            return;
        }
        if (stage == null) {
            stage = new Stage();
            AppIcons.apply(stage);
            Window parent = owner.get();
            if (parent != null) {
                stage.initOwner(parent);
            }
            stage.initModality(Modality.WINDOW_MODAL);
            stage.setTitle(messages.get("export.title"));
            Scene scene = new Scene(content(), 640, 360);
            if (stylesheet != null) {
                scene.getStylesheets().add(stylesheet);
            }
            stage.setScene(scene);
            stage.setOnCloseRequest(e -> {
                if (vm.busyProperty().get()) {
                    e.consume(); // Cancel first: the window shows how the export ends
                }
            });
        }
        stage.show();
        stage.toFront();
        vm.start(selection.stream().map(r -> r.record().recordId()).toList());
    }

    /** The window, for the file chooser's owner (null before the first export). */
    public Window window() {
        return stage;
    }

    /** The window's content, for tests and screenshots. */
    VBox content() {
        Label heading = new Label();
        heading.setId("exportHeading");
        heading.getStyleClass().add(Styles.TITLE_4);
        heading.textProperty().bind(Bindings.createStringBinding(
                () -> messages.format("export.heading", vm.countProperty().get()), vm.countProperty()));
        Label explain = new Label(messages.get("export.explain"));
        explain.setWrapText(true);
        explain.setMinHeight(Region.USE_PREF_SIZE);

        Label message = new Label();
        message.setId("exportMessage");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(vm.messageProperty());
        message.accessibleTextProperty().bind(vm.messageProperty());
        FontIcon refusedIcon = new FontIcon(MaterialDesignA.ALERT_OCTAGON_OUTLINE);
        vm.phaseProperty().addListener((obs, old, now) -> {
            message.getStyleClass().removeAll("export-refused", "export-done", "export-cancelled");
            message.setGraphic(null);
            switch (now) {
                case REFUSED, FAILED -> {
                    message.getStyleClass().add("export-refused");
                    message.setGraphic(refusedIcon);
                }
                case DONE -> message.getStyleClass().add("export-done");
                case CANCELLED -> message.getStyleClass().add("export-cancelled");
                default -> { }
            }
        });

        HBox progress = ProgressRow.of(messages, "export", vm.progressProperty(), vm.progressTextProperty(),
                vm::cancel, vm.phaseProperty().isEqualTo(ExportViewModel.Phase.WRITING));

        Button openSaved = new Button(messages.get("export.open"), new FontIcon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        openSaved.setId("exportOpen");
        openSaved.setMnemonicParsing(false);
        openSaved.setAccessibleText(messages.get("export.open.a11y"));
        openSaved.visibleProperty().bind(vm.savedProperty().isNotNull());
        openSaved.managedProperty().bind(openSaved.visibleProperty());
        openSaved.setOnAction(e -> {
            Path saved = vm.savedProperty().get();
            stage.hide();
            openBundle.accept(saved);
        });
        Button close = new Button(messages.get("export.close"));
        close.setId("exportClose");
        close.setMnemonicParsing(false);
        close.setCancelButton(true);
        close.setAccessibleText(messages.get("export.close.a11y"));
        close.disableProperty().bind(vm.busyProperty());
        close.setOnAction(e -> stage.hide());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, spacer, openSaved, close);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        Region grow = new Region();
        VBox.setVgrow(grow, Priority.ALWAYS);
        VBox root = new VBox(10, heading, explain, message, progress, grow, buttons);
        root.setId("exportWindow");
        root.getStyleClass().add("export-window");
        root.setPadding(new Insets(16));
        return root;
    }
}
