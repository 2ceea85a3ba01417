package dev.countersign.app.common;

import dev.countersign.model.Criticality;
import dev.countersign.model.Failover;
import dev.countersign.model.RiskTier;
import dev.countersign.model.Severity;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/** Small coloured labels (tier, criticality, failover, severity) styled in app.css with theme tokens only. */
public final class Chips {
    private final Messages messages;

    public Chips(Messages messages) {
        this.messages = messages;
    }

    public Label tier(RiskTier tier) {
        Label chip = chip(messages.get("tier." + tier.json()), "tier-" + tier.json());
        chip.getStyleClass().add("tier-badge");
        chip.setAccessibleText(messages.format("a11y.tier", messages.get("tier." + tier.json())));
        return chip;
    }

    /** Makes an existing tier chip show {@code tier} (table cells reuse one chip rather than make one per update). */
    public void retier(Label chip, RiskTier tier) {
        for (RiskTier t : RiskTier.values()) {
            chip.getStyleClass().remove("tier-" + t.json());
        }
        if (!chip.getStyleClass().contains("tier-badge")) {
            chip.getStyleClass().addAll("chip", "tier-badge");
            chip.setMinWidth(Label.USE_PREF_SIZE);
        }
        chip.getStyleClass().add("tier-" + tier.json());
        chip.setText(messages.get("tier." + tier.json()));
        chip.setAccessibleText(messages.format("a11y.tier", messages.get("tier." + tier.json())));
    }

    public Label criticality(Criticality criticality) {
        return chip(messages.get("criticality." + criticality.json()), "crit-" + criticality.json());
    }

    public Label failover(Failover failover) {
        Label chip = chip(messages.get("failover." + failover.json()), "failover-" + failover.json());
        chip.setTooltip(new Tooltip(messages.get("failover." + failover.json() + ".tip")));
        return chip;
    }

    public Label severity(Severity severity) {
        return chip(messages.get("severity." + severity.json()), "sev-" + severity.json());
    }

    /** A neutral chip with the given text. */
    public Label plain(String text) {
        return chip(text, "chip-plain");
    }

    /** A chip with one of the chip style classes of app.css (chip-plain, chip-accent, chip-warning, chip-danger…). */
    public Label styled(String text, String styleClass) {
        return chip(text, styleClass);
    }

    private static Label chip(String text, String styleClass) {
        Label chip = new Label(text);
        chip.getStyleClass().addAll("chip", styleClass);
        chip.setMinWidth(Label.USE_PREF_SIZE);
        return chip;
    }
}
