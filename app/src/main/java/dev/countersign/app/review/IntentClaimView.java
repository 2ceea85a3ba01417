package dev.countersign.app.review;

import dev.countersign.app.common.Messages;
import dev.countersign.app.common.UntrustedText;
import dev.countersign.model.Proposal;
import dev.countersign.model.api.ProposalView;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/**
 * The agent's intent, shown as what it is: an unverified claim, quoted and attributed to the agent, set apart from
 * the platform facts, with hidden and look-alike characters revealed.
 */
public final class IntentClaimView extends VBox {
    private final Messages messages;
    private final Label attribution = new Label();
    private final Label quote = new Label();
    private final Label owner = new Label();
    private final Label warning = new Label();

    public IntentClaimView(ObservableValue<ProposalView> shown, Messages messages) {
        this.messages = messages;
        getStyleClass().add("claim");
        setId("intentClaim");
        setSpacing(4);
        Label badge = new Label(messages.get("claim.badge"));
        badge.getStyleClass().addAll("chip", "chip-claim");
        badge.setMinWidth(Label.USE_PREF_SIZE);
        attribution.getStyleClass().add("claim-attribution");
        attribution.setGraphic(new FontIcon(MaterialDesignR.ROBOT_OUTLINE));
        attribution.setWrapText(true);
        quote.getStyleClass().add("claim-quote");
        quote.setWrapText(true);
        quote.setId("intentText");
        quote.getStyleClass().add("untrusted-text");
        owner.getStyleClass().add("fact-meta");
        warning.getStyleClass().add("claim-warning");
        warning.setId("claimWarning");
        warning.setGraphic(new FontIcon(MaterialDesignA.ALERT_OUTLINE));
        warning.setWrapText(true);
        warning.managedProperty().bind(warning.visibleProperty());
        HBox head = new HBox(8, badge, attribution);
        getChildren().addAll(head, warning, quote, owner);
        shown.addListener((obs, old, view) -> render(view));
        render(shown.getValue());
    }

    private void render(ProposalView view) {
        setVisible(view != null);
        setManaged(view != null);
        if (view == null) {
            return;
        }
        Proposal p = view.proposal();
        UntrustedText.Revealed intent = UntrustedText.reveal(p.intent());
        UntrustedText.Revealed agentId = UntrustedText.reveal(p.agent().id());
        UntrustedText.Revealed agentOwner = UntrustedText.reveal(p.agent().owner());
        attribution.setText(messages.format("claim.attribution", agentId.text()));
        quote.setText(messages.format("claim.quote", intent.text()));
        quote.setAccessibleText(messages.format("a11y.claim", agentId.text(), intent.text()));
        owner.setText(messages.format("claim.owner", agentOwner.text()));
        String findings = UntrustedWarning.of(messages, "untrusted.subject.text",
                List.of(intent, agentId, agentOwner));
        warning.setText(findings);
        warning.setAccessibleText(findings);
        warning.setVisible(findings.length() > 0);
    }
}
