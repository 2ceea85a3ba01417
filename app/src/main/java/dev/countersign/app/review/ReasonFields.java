package dev.countersign.app.review;

import dev.countersign.app.common.Messages;
import dev.countersign.model.ReasonCode;
import java.util.Arrays;
import java.util.List;
import javafx.beans.property.Property;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** The reason a reviewer gives, as the decision bar and the bulk window both ask for it: a code, then words. */
final class ReasonFields {
    private ReasonFields() {}

    /** The codes a reviewer may pick: all but the one reserved for the policy's automatic approvals. */
    static List<ReasonCode> choices() {
        return Arrays.stream(ReasonCode.values()).filter(c -> c != ReasonCode.POLICY_AUTO_APPROVED).toList();
    }

    static ComboBox<ReasonCode> code(Messages messages, Property<ReasonCode> value, String id) {
        ComboBox<ReasonCode> code = new ComboBox<>(FXCollections.observableArrayList(choices()));
        code.setId(id);
        code.setPromptText(messages.get("decision.reasonCode.prompt"));
        code.setAccessibleText(messages.get("decision.reasonCode.a11y"));
        code.setCellFactory(list -> new ReasonCell(messages));
        code.setButtonCell(new ReasonCell(messages));
        code.setPrefWidth(232);
        code.valueProperty().bindBidirectional(value);
        return code;
    }

    static TextArea text(Messages messages, Property<String> value, String id) {
        TextArea reason = new TextArea();
        reason.setId(id);
        reason.setPromptText(messages.get("decision.reason.prompt"));
        reason.setAccessibleText(messages.get("decision.reason.a11y"));
        reason.setPrefRowCount(2);
        reason.setPrefColumnCount(16);
        reason.setWrapText(true);
        reason.textProperty().bindBidirectional(value);
        HBox.setHgrow(reason, Priority.ALWAYS);
        return reason;
    }

    private static final class ReasonCell extends ListCell<ReasonCode> {
        private final Messages messages;

        ReasonCell(Messages messages) {
            this.messages = messages;
        }

        @Override
        protected void updateItem(ReasonCode code, boolean empty) {
            super.updateItem(code, empty);
            setText(empty || code == null ? messages.get("decision.reasonCode.prompt")
                    : messages.get("reason." + code.json()));
        }
    }
}
