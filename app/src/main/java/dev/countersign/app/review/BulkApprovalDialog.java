package dev.countersign.app.review;

import atlantafx.base.theme.Styles;
import dev.countersign.app.common.Messages;
import dev.countersign.app.common.UntrustedText;
import dev.countersign.app.queue.QueueRow;
import dev.countersign.app.shell.AppIcons;
import dev.countersign.model.ReasonCode;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * The bulk approval window. The one entry point is {@link #open(List)}: wire it to the queue's bulk-approval button,
 * e.g. {@code queue.setBulkApprovalHandler(bulkDialog::open)} on the queue's view model.
 */
public final class BulkApprovalDialog {
    private final BulkApprovalViewModel vm;
    private final Messages messages;
    private final String stylesheet;
    private final Supplier<Window> owner;
    private Stage stage;

    /**
     * @param stylesheet the console's app.css, applied to the window
     * @param owner the main window (the dialog is modal to it)
     */
    public BulkApprovalDialog(BulkApprovalViewModel vm, Messages messages, String stylesheet, Supplier<Window> owner) {
        this.vm = vm;
        this.messages = messages;
        this.stylesheet = stylesheet;
        this.owner = owner;
    }

    /** Shows the selection: refused at once if it holds anything but low-risk proposals, else the form. */
    public void open(List<QueueRow> rows) {
        vm.load(rows);
        if (stage == null) {
            stage = new Stage();
            AppIcons.apply(stage);
            Window parent = owner.get();
            if (parent != null) {
                stage.initOwner(parent);
            }
            stage.initModality(Modality.WINDOW_MODAL);
            stage.setTitle(messages.get("bulk.title"));
            Scene scene = new Scene(content(), 760, 600);
            scene.getStylesheets().add(stylesheet);
            stage.setScene(scene);
            stage.setOnCloseRequest(e -> {
                if (vm.busyProperty().get()) {
                    e.consume(); // the decisions are being signed and sent: the outcome must be seen
                }
            });
        }
        stage.show();
        stage.toFront();
    }

    /** The window's content, for tests and screenshots. */
    VBox content() {
        Label heading = new Label();
        heading.getStyleClass().add(Styles.TITLE_4);
        heading.textProperty().bind(Bindings.createStringBinding(
                () -> messages.format("bulk.heading", vm.rows().size()), vm.rows()));
        Label explain = new Label(messages.get("bulk.explain"));
        explain.setWrapText(true);
        explain.setMinHeight(Region.USE_PREF_SIZE);

        ListView<QueueRow> list = new ListView<>(vm.rows());
        list.setId("bulkRows");
        list.setAccessibleText(messages.get("bulk.list.a11y"));
        list.setPrefHeight(160);
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(QueueRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : messages.format("bulk.item", row.id(),
                        UntrustedText.reveal(row.summary().targetName()).text(),
                        messages.get("tier." + row.summary().riskTier().json())));
            }
        });

        Label refusal = new Label();
        refusal.setId("bulkRefusal");
        refusal.getStyleClass().add("bulk-refusal");
        refusal.setGraphic(new FontIcon(MaterialDesignA.ALERT_OCTAGON_OUTLINE));
        refusal.setWrapText(true);
        refusal.setMinHeight(Region.USE_PREF_SIZE);
        refusal.textProperty().bind(vm.refusalProperty());
        refusal.visibleProperty().bind(vm.refusalProperty().isNotEmpty());
        refusal.managedProperty().bind(refusal.visibleProperty());

        ComboBox<ReasonCode> code = ReasonFields.code(messages, vm.reasonCodeProperty(), "bulkReasonCode");
        TextArea reason = ReasonFields.text(messages, vm.reasonTextProperty(), "bulkReasonText");
        HBox form = new HBox(10, code, reason);
        form.visibleProperty().bind(vm.refusalProperty().isEmpty());
        form.managedProperty().bind(form.visibleProperty());
        form.disableProperty().bind(vm.busyProperty().or(vm.doneProperty()));

        ListView<BulkApprovalViewModel.Result> results = new ListView<>(vm.results());
        results.setId("bulkResults");
        results.setAccessibleText(messages.get("bulk.results.a11y"));
        results.setPrefHeight(200);
        results.setCellFactory(l -> new ResultCell());
        results.visibleProperty().bind(Bindings.isNotEmpty(vm.results()));
        results.managedProperty().bind(results.visibleProperty());

        Label message = new Label();
        message.setId("bulkMessage");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(vm.messageProperty());
        Label hint = new Label();
        hint.setId("bulkHint");
        hint.getStyleClass().add("decision-hint");
        hint.setWrapText(true);
        hint.textProperty().bind(vm.blockedReasonProperty());
        hint.visibleProperty().bind(vm.refusalProperty().isEmpty().and(vm.messageProperty().isEmpty()));
        hint.managedProperty().bind(hint.visibleProperty());

        Button submit = new Button(messages.get("bulk.submit"), new FontIcon(MaterialDesignT.TEXT_BOX_CHECK_OUTLINE));
        submit.setId("bulkSubmit");
        submit.getStyleClass().add(Styles.ACCENT);
        submit.setMnemonicParsing(false);
        submit.setDefaultButton(false); // approving is never a single keystroke
        submit.setAccessibleText(messages.get("bulk.submit.a11y"));
        submit.disableProperty().bind(vm.canSubmitProperty().not());
        submit.setOnAction(e -> vm.submit());
        submit.setMinWidth(Region.USE_PREF_SIZE);
        Button close = new Button(messages.get("bulk.close"));
        close.setId("bulkClose");
        close.setMnemonicParsing(false);
        close.setCancelButton(true);
        close.setAccessibleText(messages.get("bulk.close.a11y"));
        close.disableProperty().bind(vm.busyProperty());
        close.setMinWidth(Region.USE_PREF_SIZE);
        close.setOnAction(e -> {
            if (stage != null) {
                stage.hide();
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, message, hint, spacer, close, submit);
        buttons.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(message, Priority.SOMETIMES);
        HBox.setHgrow(hint, Priority.SOMETIMES);

        VBox root = new VBox(10, heading, explain, list, refusal, form, results, buttons);
        root.setId("bulkApproval");
        root.getStyleClass().add("bulk-approval");
        root.setPadding(new Insets(16));
        VBox.setVgrow(list, Priority.ALWAYS);
        return root;
    }

    private final class ResultCell extends ListCell<BulkApprovalViewModel.Result> {
        @Override
        protected void updateItem(BulkApprovalViewModel.Result r, boolean empty) {
            super.updateItem(r, empty);
            getStyleClass().removeAll("bulk-recorded", "bulk-refused", "bulk-waiting", "bulk-skipped");
            if (empty || r == null) {
                setText(null);
                return;
            }
            String outcome = r.outcome().name().toLowerCase(Locale.ROOT);
            getStyleClass().add("bulk-" + outcome);
            setWrapText(true);
            setPrefWidth(0); // wrap to the list's width instead of scrolling sideways
            setText(messages.format("bulk.result.line", r.proposalId(), r.target(),
                    messages.get("bulk.outcome." + outcome) + ": " + r.text()));
        }
    }
}
