package dev.countersign.app.review;

import atlantafx.base.theme.Styles;
import dev.countersign.app.common.Messages;
import dev.countersign.model.ReasonCode;
import dev.countersign.model.Verdict;
import java.time.LocalDate;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/** Verdict, reason code, reason text and "Sign &amp; submit", with the outcome or refusal in plain words below. */
public final class DecisionBarView extends VBox {
    private final Messages messages;

    public DecisionBarView(DecisionViewModel vm, Messages messages) {
        this.messages = messages;
        getStyleClass().add("decision-bar");
        setId("decisionBar");
        setSpacing(6);

        ToggleGroup verdicts = new ToggleGroup();
        ToggleButton approve = verdictButton(verdicts, Verdict.APPROVE, "decision.approve",
                new FontIcon(MaterialDesignC.CHECK_CIRCLE_OUTLINE), Styles.LEFT_PILL, "approveToggle");
        ToggleButton deny = verdictButton(verdicts, Verdict.DENY, "decision.deny",
                new FontIcon(MaterialDesignC.CLOSE_CIRCLE_OUTLINE), Styles.RIGHT_PILL, "denyToggle");
        approve.getStyleClass().add("verdict-approve");
        deny.getStyleClass().add("verdict-deny");
        verdicts.selectedToggleProperty().addListener((obs, old, toggle) ->
                vm.verdictProperty().set(toggle == null ? null : (Verdict) toggle.getUserData()));
        vm.verdictProperty().addListener((obs, old, verdict) -> verdicts.selectToggle(
                verdict == Verdict.APPROVE ? approve : verdict == Verdict.DENY ? deny : null));
        HBox verdictBox = new HBox(0, approve, deny);

        ComboBox<ReasonCode> reasonCode = ReasonFields.code(messages, vm.reasonCodeProperty(), "reasonCode");
        TextArea reason = ReasonFields.text(messages, vm.reasonTextProperty(), "reasonText");

        Button submit = new Button(messages.get("decision.submit"),
                new FontIcon(MaterialDesignT.TEXT_BOX_CHECK_OUTLINE));
        submit.setId("signSubmit");
        submit.getStyleClass().add(Styles.ACCENT);
        submit.setDefaultButton(false); // approving is never a single keystroke: no default, no mnemonic
        submit.setMnemonicParsing(false);
        submit.setAccessibleText(messages.get("decision.submit.a11y"));
        submit.disableProperty().bind(vm.canSubmitProperty().not());
        submit.setOnAction(e -> vm.submit());
        submit.setMinWidth(Region.USE_PREF_SIZE);

        VBox choices = new VBox(6, verdictBox, reasonCode);
        choices.setMinWidth(Region.USE_PREF_SIZE);
        HBox controls = new HBox(10, choices, reason, submit);
        controls.setAlignment(Pos.CENTER_LEFT);

        Label hint = new Label();
        hint.setId("decisionHint");
        hint.getStyleClass().add("decision-hint");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        hint.textProperty().bind(vm.blockedReasonProperty());
        hint.managedProperty().bind(hint.visibleProperty());
        hint.visibleProperty().bind(vm.blockedReasonProperty().isNotEmpty().and(vm.messageProperty().isEmpty()));

        Label message = new Label();
        message.setId("decisionMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.managedProperty().bind(message.visibleProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        vm.toneProperty().addListener((obs, old, tone) -> tone(message, tone));
        tone(message, vm.toneProperty().get());

        Hyperlink copy = new Hyperlink(messages.get("common.copyDetails"));
        copy.setId("copyDecisionDetails");
        copy.managedProperty().bind(copy.visibleProperty());
        copy.visibleProperty().bind(vm.detailsProperty().isNotEmpty());
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(vm.detailsProperty().get());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Button again = new Button(messages.get("decision.reviewAgain"), new FontIcon(MaterialDesignT.TEXT_BOX_SEARCH_OUTLINE));
        again.setId("reviewAgain");
        again.managedProperty().bind(again.visibleProperty());
        again.visibleProperty().bind(vm.reviewAgainProperty().isNotNull());
        again.setOnAction(e -> vm.reviewAgain());
        again.setMinWidth(Region.USE_PREF_SIZE);
        HBox feedback = new HBox(8, message, again, copy, hint);
        feedback.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(message, Priority.ALWAYS);
        HBox.setHgrow(hint, Priority.ALWAYS);
        Node confirmation = confirmationRow(vm);
        Node window = windowRow(vm, vm.window());
        getChildren().addAll(controls, window, confirmation, feedback);
        choices.disableProperty().bind(vm.busyProperty());
        reason.disableProperty().bind(vm.busyProperty());
    }

    private ToggleButton verdictButton(ToggleGroup group, Verdict verdict, String key, FontIcon icon, String pill,
            String id) {
        ToggleButton button = new ToggleButton(messages.get(key), icon);
        button.setToggleGroup(group);
        button.setUserData(verdict);
        button.getStyleClass().add(pill);
        button.setId(id);
        button.setAccessibleText(messages.get(key + ".a11y"));
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setMnemonicParsing(false);
        return button;
    }

    /** "Type the target's name": shown while approving a high or critical change. */
    private Node confirmationRow(DecisionViewModel vm) {
        Label label = new Label(messages.get("confirm.label"));
        label.getStyleClass().add("confirm-label");
        label.setMinWidth(Region.USE_PREF_SIZE);
        TextField typed = new TextField();
        typed.setId("typedConfirmation");
        typed.getStyleClass().add("mono");
        typed.setPromptText(messages.get("confirm.prompt"));
        typed.setAccessibleText(messages.get("confirm.a11y"));
        typed.setPrefColumnCount(30);
        typed.setMinWidth(220);
        typed.textProperty().bindBidirectional(vm.typedConfirmationProperty());
        typed.disableProperty().bind(vm.busyProperty());
        label.setLabelFor(typed);
        Label hint = new Label();
        hint.setId("typedConfirmationHint");
        hint.getStyleClass().add("confirm-hint");
        hint.setWrapText(true);
        hint.textProperty().bind(vm.confirmationHintProperty());
        HBox.setHgrow(typed, Priority.ALWAYS); // the whole name stays readable as it is typed
        HBox field = new HBox(8, label, typed);
        field.setAlignment(Pos.CENTER_LEFT);
        VBox row = new VBox(4, field, hint);
        row.setId("typedConfirmationRow");
        row.getStyleClass().add("typed-confirmation");
        row.visibleProperty().bind(vm.confirmationRequiredProperty());
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    /** "Only within a window": start and end date and time, in the reviewer's zone; only for an approval. */
    private Node windowRow(DecisionViewModel vm, ExecutionWindowForm form) {
        CheckBox toggle = new CheckBox(messages.get("window.toggle"));
        toggle.setId("windowToggle");
        toggle.setMnemonicParsing(false);
        toggle.setAccessibleText(messages.get("window.toggle.a11y"));
        toggle.selectedProperty().bindBidirectional(form.enabledProperty());
        toggle.setMinWidth(Region.USE_PREF_SIZE);
        DatePicker startDate = datePicker("windowStartDate", "window.startDate.a11y", form.startDateProperty());
        TextField startTime = timeField("windowStartTime", "window.startTime.a11y", form.startTimeProperty());
        DatePicker endDate = datePicker("windowEndDate", "window.endDate.a11y", form.endDateProperty());
        TextField endTime = timeField("windowEndTime", "window.endTime.a11y", form.endTimeProperty());
        Label from = new Label(messages.get("window.start"));
        Label until = new Label(messages.get("window.end"));
        from.setMinWidth(Region.USE_PREF_SIZE);
        until.setMinWidth(Region.USE_PREF_SIZE);
        Label zone = new Label();
        zone.setId("windowZone");
        zone.getStyleClass().add("fact-meta");
        zone.setWrapText(true);
        zone.textProperty().bind(vm.windowNoteProperty());
        zone.visibleProperty().bind(form.enabledProperty());
        zone.managedProperty().bind(zone.visibleProperty());
        HBox fields = new HBox(6, from, startDate, startTime, until, endDate, endTime);
        fields.setAlignment(Pos.CENTER_LEFT);
        fields.setMinWidth(Region.USE_PREF_SIZE);
        fields.visibleProperty().bind(form.enabledProperty());
        fields.managedProperty().bind(fields.visibleProperty());
        HBox line = new HBox(10, toggle, fields);
        line.setAlignment(Pos.CENTER_LEFT);
        VBox row = new VBox(2, line, zone);
        row.setId("windowRow");
        row.getStyleClass().add("execution-window");
        row.setAlignment(Pos.CENTER_LEFT);
        row.visibleProperty().bind(vm.verdictProperty().isEqualTo(Verdict.APPROVE));
        row.managedProperty().bind(row.visibleProperty());
        row.disableProperty().bind(vm.busyProperty());
        return row;
    }

    private DatePicker datePicker(String id, String a11y, ObjectProperty<LocalDate> value) {
        DatePicker picker = new DatePicker();
        picker.setId(id);
        picker.setAccessibleText(messages.get(a11y));
        picker.setPrefWidth(140);
        picker.setMinWidth(140);
        picker.valueProperty().bindBidirectional(value);
        return picker;
    }

    private TextField timeField(String id, String a11y, StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.setAccessibleText(messages.get(a11y));
        field.setPromptText(messages.get("window.time.prompt"));
        field.setPrefColumnCount(5);
        field.setMinWidth(72);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static void tone(Label message, DecisionViewModel.Tone tone) {
        message.getStyleClass().removeAll("tone-info", "tone-success", "tone-warning", "tone-error");
        if (tone != null && tone != DecisionViewModel.Tone.NONE) {
            message.getStyleClass().add("tone-" + tone.name().toLowerCase(Locale.ROOT));
        }
    }
}
