package dev.countersign.app.identity;

import dev.countersign.app.common.Messages;
import dev.countersign.app.settings.UnlockPeriod;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;

/** The "keep unlocked" choice, the same in the unlock and first-run windows. */
final class UnlockPeriods {
    private UnlockPeriods() {}

    static ComboBox<UnlockPeriod> choice(Messages messages, ObjectProperty<UnlockPeriod> period) {
        ComboBox<UnlockPeriod> box = new ComboBox<>();
        box.getItems().setAll(UnlockPeriod.values());
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(UnlockPeriod value) {
                return value == null ? "" : messages.get(value.messageKey());
            }

            @Override
            public UnlockPeriod fromString(String text) {
                return null;
            }
        });
        box.valueProperty().bindBidirectional(period);
        box.setAccessibleText(messages.get("unlockPeriod.label"));
        return box;
    }
}
