package dev.countersign.app.identity;

import atlantafx.base.theme.Styles;
import dev.countersign.app.common.FormParts;
import dev.countersign.app.common.FormWindow;
import dev.countersign.app.common.Messages;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/** Rotate to a new key, or import one from a PKCS#12 file: the secrets it needs, and what will happen. */
public final class ChangeKeyDialog {
    private ChangeKeyDialog() {}

    public static Stage show(ChangeKeyViewModel vm, Messages messages, Window owner, String stylesheet) {
        ChangeKeyViewModel.Mode mode = vm.mode();
        String prefix = "changeKey." + switch (mode) {
            case ROTATE_SOFTWARE -> "software";
            case ROTATE_TOKEN -> "token";
            case IMPORT -> "import";
        };
        Label heading = new Label(messages.get(prefix + ".heading"),
                new FontIcon(mode == ChangeKeyViewModel.Mode.IMPORT ? MaterialDesignI.IMPORT
                        : MaterialDesignR.ROTATE_RIGHT));
        heading.getStyleClass().add(Styles.TITLE_3);
        Label intro = new Label(mode == ChangeKeyViewModel.Mode.ROTATE_TOKEN
                ? messages.format(prefix + ".intro", vm.who().keySource().tokenLabel())
                : messages.get(prefix + ".intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("muted");

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(150);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(labels, fields);
        int row = 0;

        PasswordField filePassphrase = new PasswordField();
        filePassphrase.setId("importFilePassphrase");
        filePassphrase.setAccessibleText(messages.get("changeKey.import.filePassphrase"));
        if (mode == ChangeKeyViewModel.Mode.IMPORT) {
            TextField file = new TextField();
            file.setId("importFile");
            file.setEditable(false);
            file.setAccessibleText(messages.get("changeKey.import.file"));
            file.textProperty().addListener((obs, old, now) -> file.positionCaret(now.length())); // show the name
            file.textProperty().bind(Bindings.createStringBinding(() -> vm.importFileProperty().get() == null ? ""
                    : vm.importFileProperty().get().toString(), vm.importFileProperty()));
            Button choose = new Button(messages.get("token.browse"), new FontIcon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
            choose.setId("importChoose");
            choose.setOnAction(e -> vm.chooseFile());
            HBox fileRow = new HBox(6, file, choose);
            HBox.setHgrow(file, Priority.ALWAYS);
            form.addRow(row++, NewKeyDialog.label(messages.get("changeKey.import.file"), file), fileRow);
            form.addRow(row++, NewKeyDialog.label(messages.get("changeKey.import.filePassphrase"), filePassphrase),
                    filePassphrase);
        }

        PasswordField secret = new PasswordField();
        secret.setId(mode == ChangeKeyViewModel.Mode.ROTATE_TOKEN ? "changeKeyPin" : "changeKeyPassphrase");
        PasswordField confirm = new PasswordField();
        confirm.setId("changeKeyConfirm");
        Label hint = new Label();
        hint.setId("changeKeyHint");
        hint.setWrapText(true);
        hint.textProperty().bind(vm.hintProperty());
        vm.hintKindProperty().addListener((obs, old, kind) -> hintStyle(hint, kind));
        hintStyle(hint, vm.hintKindProperty().get());
        if (mode == ChangeKeyViewModel.Mode.ROTATE_TOKEN) {
            secret.setAccessibleText(messages.get("unlock.pin"));
            secret.textProperty().addListener((obs, old, text) -> vm.pinChanged(secret.getCharacters()));
            form.addRow(row++, NewKeyDialog.label(messages.get("unlock.pin"), secret), secret);
        } else {
            secret.setAccessibleText(messages.get("changeKey.newPassphrase"));
            confirm.setAccessibleText(messages.get("firstRun.confirm"));
            Runnable report = () -> vm.passphraseChanged(secret.getCharacters(), confirm.getCharacters());
            secret.textProperty().addListener((obs, old, text) -> report.run());
            confirm.textProperty().addListener((obs, old, text) -> report.run());
            form.addRow(row++, NewKeyDialog.label(messages.get("changeKey.newPassphrase"), secret), secret);
            form.addRow(row++, NewKeyDialog.label(messages.get("firstRun.confirm"), confirm), confirm);
        }
        form.add(hint, 1, row);

        Label error = FormParts.errorLine("changeKeyError", vm.errorProperty());
        Label busy = FormParts.busyIndicator(messages.get(prefix + ".busy"), vm.busyProperty());
        busy.managedProperty().bind(vm.busyProperty()); // the long caption takes no room from the buttons
        busy.setMinWidth(0);
        Button cancel = new Button(messages.get("common.cancel"));
        cancel.setCancelButton(true);
        cancel.disableProperty().bind(vm.busyProperty());
        cancel.setOnAction(e -> vm.cancel());
        Button submit = new Button(messages.get(prefix + ".submit"), new FontIcon(MaterialDesignR.ROTATE_RIGHT));
        submit.setId("changeKeySubmit");
        submit.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        cancel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        submit.getStyleClass().add(Styles.ACCENT);
        submit.setDefaultButton(true);
        submit.disableProperty().bind(vm.canSubmitProperty().not());
        submit.setOnAction(e -> {
            vm.submit(NewKeyDialog.chars(secret), NewKeyDialog.chars(filePassphrase));
            secret.clear();
            confirm.clear();
            filePassphrase.clear();
        });
        HBox buttons = FormParts.buttonRow(busy, cancel, submit);

        VBox root = new VBox(12, heading, intro, form, error, buttons);
        root.setPadding(new Insets(20));
        root.setPrefWidth(600);
        root.getStyleClass().add("form-window");
        root.setId("changeKeyDialog");

        Stage stage = FormWindow.open(owner, messages.get(prefix + ".title"), root, stylesheet, vm::cancel);
        FormWindow.closeWhen(stage, vm.closedProperty());
        vm.errorProperty().addListener((obs, old, now) -> stage.sizeToScene()); // room for the error line
        stage.show();
        return stage;
    }

    private static void hintStyle(Label hint, NewKeyFormViewModel.Hint kind) {
        hint.getStyleClass().removeAll("hint-neutral", "hint-problem", "hint-good");
        hint.getStyleClass().add("hint-" + kind.name().toLowerCase(Locale.ROOT));
    }
}
