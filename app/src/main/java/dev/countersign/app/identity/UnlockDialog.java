package dev.countersign.app.identity;

import atlantafx.base.theme.Styles;
import dev.countersign.app.common.FormParts;
import dev.countersign.app.common.FormWindow;
import dev.countersign.app.common.Messages;
import javafx.geometry.Insets;
import dev.countersign.app.settings.UnlockPeriod;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;

/**
 * Asks for the passphrase of the existing key, or the PIN of the token that holds it, and how long to keep it
 * unlocked; stays open with a clear message after a wrong one.
 */
public final class UnlockDialog {
    private UnlockDialog() {}

    public static Stage show(UnlockViewModel vm, Messages messages, Window owner, String stylesheet) {
        Label heading = new Label(messages.get("unlock.heading"), new FontIcon(MaterialDesignK.KEY_VARIANT));
        heading.getStyleClass().add(Styles.TITLE_3);
        Label prompt = new Label();
        prompt.setWrapText(true);
        prompt.textProperty().bind(vm.promptProperty());

        PasswordField passphrase = new PasswordField();
        passphrase.setId("unlockPassphrase");
        passphrase.setAccessibleText(vm.secretLabel());
        Label label = new Label(vm.secretLabel());
        label.setLabelFor(passphrase);

        ComboBox<UnlockPeriod> period = UnlockPeriods.choice(messages, vm.periodProperty());
        period.setId("unlockPeriod");
        Label periodLabel = new Label(messages.get("unlockPeriod.label"));
        periodLabel.setLabelFor(period);
        Label periodHint = new Label();
        periodHint.getStyleClass().add("muted");
        periodHint.setWrapText(true);
        periodHint.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> messages.get(vm.periodProperty().get().messageKey() + ".hint"), vm.periodProperty()));
        HBox periodRow = new HBox(10, periodLabel, period);
        periodRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        Label error = FormParts.errorLine("unlockError", vm.errorProperty());
        Label busy = FormParts.busyIndicator(messages.get("unlock.busy"), vm.busyProperty());
        Button cancel = new Button(messages.get("common.cancel"));
        cancel.setId("unlockCancel");
        cancel.setCancelButton(true);
        cancel.disableProperty().bind(vm.busyProperty());
        cancel.setOnAction(e -> vm.cancel());
        Button unlock = new Button(messages.get("unlock.submit"), new FontIcon(MaterialDesignK.KEY_VARIANT));
        unlock.setId("unlockKey");
        unlock.getStyleClass().add(Styles.ACCENT);
        unlock.setDefaultButton(true);
        unlock.disableProperty().bind(vm.busyProperty().or(passphrase.textProperty().isEmpty()));
        unlock.setOnAction(e -> {
            vm.unlock(NewKeyDialog.chars(passphrase));
            passphrase.clear();
        });
        vm.busyProperty().addListener((obs, old, isBusy) -> {
            if (!isBusy) {
                passphrase.requestFocus();
            }
        });
        HBox buttons = FormParts.buttonRow(busy, cancel, unlock);

        VBox secret = new VBox(4, label, passphrase);
        VBox root = new VBox(12, heading, prompt, secret, periodRow, periodHint, error, buttons);
        root.setPadding(new Insets(20));
        root.setPrefWidth(480);
        root.getStyleClass().add("form-window");
        root.setId("unlockDialog");

        Stage stage = FormWindow.open(owner, messages.get("unlock.title"), root, stylesheet, vm::cancel);
        FormWindow.closeWhen(stage, vm.closedProperty());
        vm.errorProperty().addListener((obs, old, now) -> stage.sizeToScene()); // room for the error line
        stage.setOnShown(e -> passphrase.requestFocus());
        stage.show();
        return stage;
    }
}
