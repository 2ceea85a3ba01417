package dev.countersign.app.review;

import atlantafx.base.theme.Styles;
import dev.countersign.app.common.Messages;
import dev.countersign.model.ReasonCode;
import dev.countersign.model.Verdict;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
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

        ComboBox<ReasonCode> reasonCode = new ComboBox<>(FXCollections.observableArrayList(vm.reasonCodeChoices()));
        reasonCode.setId("reasonCode");
        reasonCode.setPromptText(messages.get("decision.reasonCode.prompt"));
        reasonCode.setAccessibleText(messages.get("decision.reasonCode.a11y"));
        reasonCode.setCellFactory(list -> new ReasonCell());
        reasonCode.setButtonCell(new ReasonCell());
        reasonCode.setPrefWidth(232);
        reasonCode.valueProperty().bindBidirectional(vm.reasonCodeProperty());

        TextArea reason = new TextArea();
        reason.setId("reasonText");
        reason.setPromptText(messages.get("decision.reason.prompt"));
        reason.setAccessibleText(messages.get("decision.reason.a11y"));
        reason.setPrefRowCount(2);
        reason.setPrefColumnCount(16);
        reason.setWrapText(true);
        reason.textProperty().bindBidirectional(vm.reasonTextProperty());
        HBox.setHgrow(reason, Priority.ALWAYS);

        Button submit = new Button(messages.get("decision.submit"),
                new FontIcon(MaterialDesignT.TEXT_BOX_CHECK_OUTLINE));
        submit.setId("signSubmit");
        submit.getStyleClass().add(Styles.ACCENT);
        submit.setDefaultButton(false);
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
        getChildren().addAll(controls, feedback);
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
        return button;
    }

    private static void tone(Label message, DecisionViewModel.Tone tone) {
        message.getStyleClass().removeAll("tone-info", "tone-success", "tone-warning", "tone-error");
        if (tone != null && tone != DecisionViewModel.Tone.NONE) {
            message.getStyleClass().add("tone-" + tone.name().toLowerCase(Locale.ROOT));
        }
    }

    private final class ReasonCell extends ListCell<ReasonCode> {
        @Override
        protected void updateItem(ReasonCode code, boolean empty) {
            super.updateItem(code, empty);
            setText(empty || code == null ? messages.get("decision.reasonCode.prompt")
                    : messages.get("reason." + code.json()));
        }
    }
}
