package dev.countersign.app.shell;

import dev.countersign.app.common.Messages;
import dev.countersign.app.identity.NewKeyDialog;
import dev.countersign.app.identity.NewKeyFormViewModel;
import dev.countersign.app.identity.UnlockDialog;
import dev.countersign.app.identity.UnlockViewModel;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.event.ActionEvent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Window;

/** The console's windows besides the main one. Never blocks: every window is shown and left to call back. */
public final class FxDialogService implements DialogService {
    private final Messages messages;
    private final Supplier<Window> owner;
    private final String stylesheet;
    private final Path keyFile;

    public FxDialogService(Messages messages, Supplier<Window> owner, String stylesheet, Path keyFile) {
        this.messages = messages;
        this.owner = owner;
        this.stylesheet = stylesheet;
        this.keyFile = keyFile;
    }

    @Override
    public void showNewKey(NewKeyFormViewModel form) {
        NewKeyDialog.show(form, messages, owner.get(), stylesheet, keyFile);
    }

    @Override
    public void showUnlock(UnlockViewModel unlock) {
        UnlockDialog.show(unlock, messages, owner.get(), stylesheet);
    }

    @Override
    public void showError(String title, String message, String details) {
        Alert alert = alert(Alert.AlertType.ERROR, title, message);
        if (details != null && !details.isBlank()) {
            offerCopy(alert, new ButtonType(messages.get("common.copyDetails"), ButtonBar.ButtonData.LEFT), details);
        }
        alert.show();
    }

    @Override
    public void showInfo(String title, String message, String copyable) {
        Alert alert = alert(Alert.AlertType.INFORMATION, title, message);
        if (copyable != null) {
            TextArea text = new TextArea(copyable);
            text.setEditable(false);
            text.setPrefRowCount(4);
            text.getStyleClass().add("mono");
            alert.getDialogPane().setExpandableContent(text);
            alert.getDialogPane().setExpanded(true);
            offerCopy(alert, new ButtonType(messages.get("common.copy"), ButtonBar.ButtonData.LEFT), copyable);
        }
        alert.show();
    }

    @Override
    public void confirm(String title, String message, String confirmLabel, Runnable onConfirm, Runnable onDecline) {
        Alert alert = alert(Alert.AlertType.CONFIRMATION, title, message);
        ButtonType yes = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        alert.getButtonTypes().setAll(yes, ButtonType.CANCEL);
        alert.resultProperty().addListener((obs, old, result) -> (result == yes ? onConfirm : onDecline).run());
        alert.show();
    }

    private Alert alert(Alert.AlertType type, String title, String message) {
        Alert alert = new Alert(type);
        Window window = owner.get();
        if (window != null) {
            alert.initOwner(window);
        }
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.setContentText(message);
        if (stylesheet != null) {
            alert.getDialogPane().getStylesheets().add(stylesheet);
        }
        alert.getDialogPane().setPrefWidth(520);
        return alert;
    }

    private static void offerCopy(Alert alert, ButtonType copy, String text) {
        alert.getButtonTypes().add(0, copy);
        Button button = (Button) alert.getDialogPane().lookupButton(copy);
        button.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // copying does not close the window
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        });
    }
}
