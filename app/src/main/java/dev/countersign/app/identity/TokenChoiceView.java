package dev.countersign.app.identity;

import atlantafx.base.theme.Styles;
import dev.countersign.app.common.FormParts;
import dev.countersign.app.common.Messages;
import dev.countersign.app.keys.TokenInfo;
import dev.countersign.app.keys.TokenKey;
import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Callback;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/** The token part of the first-run window: library, token, PIN, and which key on the token. */
final class TokenChoiceView {
    private TokenChoiceView() {}

    static Node build(TokenChoiceViewModel vm, Messages messages, PasswordField pin) {
        ComboBox<String> library = new ComboBox<>(vm.libraries());
        library.setId("tokenLibrary");
        library.setEditable(true);
        library.setMaxWidth(Double.MAX_VALUE);
        library.valueProperty().bindBidirectional(vm.libraryProperty());
        library.setAccessibleText(messages.get("token.library"));
        library.setOnAction(e -> vm.listTokens());
        Button browse = new Button(messages.get("token.browse"), new FontIcon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        browse.setId("tokenBrowse");
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(messages.get("token.browse.title"));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("token.browse.filter"),
                    "*.so", "*.so.*", "*.dylib", "*.dll"));
            File chosen = chooser.showOpenDialog(browse.getScene().getWindow());
            if (chosen != null) {
                vm.setLibrary(chosen.getAbsolutePath());
                vm.listTokens();
            }
        });
        Button find = new Button(null, new FontIcon(MaterialDesignR.REFRESH));
        find.setId("tokenFind");
        find.setAccessibleText(messages.get("token.find"));
        find.setTooltip(new javafx.scene.control.Tooltip(messages.get("token.find")));
        find.setOnAction(e -> vm.listTokens());
        find.disableProperty().bind(vm.busyProperty());
        HBox libraryRow = new HBox(6, library, browse, find);
        HBox.setHgrow(library, Priority.ALWAYS);

        ComboBox<TokenInfo> token = new ComboBox<>(vm.tokens());
        token.setId("tokenChoice");
        token.setMaxWidth(Double.MAX_VALUE);
        token.valueProperty().bindBidirectional(vm.tokenProperty());
        token.setAccessibleText(messages.get("token.token"));
        token.setPromptText(messages.get("token.token.prompt"));
        cells(token, vm::describe);

        pin.setId("tokenPin");
        pin.setAccessibleText(messages.get("token.pin"));
        Button open = new Button(messages.get("token.open"), new FontIcon(MaterialDesignL.LOCK_OPEN_VARIANT_OUTLINE));
        open.setId("tokenOpen");
        open.disableProperty().bind(vm.busyProperty().or(vm.tokenProperty().isNull()).or(pin.textProperty().isEmpty()));
        open.setOnAction(e -> vm.open(NewKeyDialog.chars(pin)));
        pin.setOnAction(e -> open.fire());
        HBox pinRow = new HBox(6, pin, open);
        HBox.setHgrow(pin, Priority.ALWAYS);

        Label status = new Label();
        status.setId("tokenStatus");
        status.getStyleClass().add("muted");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        status.managedProperty().bind(status.textProperty().isNotEmpty());

        ToggleGroup which = new ToggleGroup();
        RadioButton makeNew = new RadioButton(messages.get("token.newKey"));
        makeNew.setId("tokenNewKey");
        makeNew.setToggleGroup(which);
        TextField newLabel = new TextField();
        newLabel.setId("tokenNewKeyLabel");
        newLabel.setAccessibleText(messages.get("token.newKey.label"));
        newLabel.textProperty().bindBidirectional(vm.newKeyLabelProperty());
        newLabel.disableProperty().bind(makeNew.selectedProperty().not());
        RadioButton useExisting = new RadioButton(messages.get("token.existingKey"));
        useExisting.setId("tokenExistingKey");
        useExisting.setToggleGroup(which);
        useExisting.disableProperty().bind(Bindings.isEmpty(vm.keys()));
        ComboBox<TokenKey> existing = new ComboBox<>(vm.keys());
        existing.setId("tokenExistingKeyChoice");
        existing.setMaxWidth(Double.MAX_VALUE);
        existing.setAccessibleText(messages.get("token.existingKey"));
        existing.valueProperty().bindBidirectional(vm.existingKeyProperty());
        existing.disableProperty().bind(useExisting.selectedProperty().not());
        cells(existing, vm::describe);
        which.selectToggle(vm.makeNewKeyProperty().get() ? makeNew : useExisting);
        vm.makeNewKeyProperty().addListener((obs, old, now) -> which.selectToggle(now ? makeNew : useExisting));
        which.selectedToggleProperty().addListener((obs, old, now) -> vm.makeNewKeyProperty().set(now == makeNew));

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(130);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        grid.addRow(0, NewKeyDialog.label(messages.get("token.library"), library), libraryRow);
        grid.addRow(1, NewKeyDialog.label(messages.get("token.token"), token), token);
        grid.addRow(2, NewKeyDialog.label(messages.get("token.pin"), pin), pinRow);
        grid.add(status, 1, 3);
        GridPane keys = new GridPane();
        keys.setHgap(10);
        keys.setVgap(8);
        keys.getColumnConstraints().addAll(labels, fields);
        keys.addRow(0, makeNew, newLabel);
        keys.addRow(1, useExisting, existing);
        keys.visibleProperty().bind(vm.openedProperty());
        keys.managedProperty().bind(vm.openedProperty());

        Label error = FormParts.errorLine("tokenError", vm.errorProperty());
        Label busy = FormParts.busyIndicator(messages.get("token.busy"), vm.busyProperty());
        busy.managedProperty().bind(vm.busyProperty());
        VBox box = new VBox(8, grid, keys, busy, error);
        box.setId("tokenPane");
        box.visibleProperty().addListener((obs, was, shown) -> {
            if (shown && vm.tokens().isEmpty() && !vm.busyProperty().get() && !vm.libraryProperty().get().isBlank()) {
                vm.listTokens();
            }
        });
        box.getStyleClass().add(Styles.TEXT);
        return box;
    }

    private static <T> void cells(ComboBox<T> box, java.util.function.Function<T, String> text) {
        Callback<javafx.scene.control.ListView<T>, ListCell<T>> factory = list -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
        box.setCellFactory(factory);
        box.setButtonCell(factory.call(null));
    }
}
