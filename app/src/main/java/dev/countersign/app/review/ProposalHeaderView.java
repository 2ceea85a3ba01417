package dev.countersign.app.review;

import dev.countersign.app.common.Chips;
import dev.countersign.app.common.Messages;
import dev.countersign.app.common.UntrustedText;
import dev.countersign.app.queue.QueueTexts;
import dev.countersign.model.Proposal;
import dev.countersign.model.api.ProposalView;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/** The proposal's header: action, target name and kind, environment, tier, expiry and status. */
public final class ProposalHeaderView extends VBox {
    private final Messages messages;
    private final QueueTexts texts;
    private final Chips chips;
    private final Label action = new Label();
    private final Label target = new Label();
    private final HBox facts = new HBox(6);
    private final Label identity = new Label();
    private final Label digestWarning = new Label();
    private final Label targetWarning = new Label();

    public ProposalHeaderView(ReviewViewModel review, Messages messages, QueueTexts texts, Chips chips) {
        this.messages = messages;
        this.texts = texts;
        this.chips = chips;
        getStyleClass().add("proposal-header");
        setId("proposalHeader");
        action.getStyleClass().add("proposal-action");
        action.setId("proposalAction");
        target.getStyleClass().add("proposal-target");
        target.setWrapText(true);
        identity.getStyleClass().addAll("fact-meta", "mono");
        digestWarning.getStyleClass().add("digest-warning");
        digestWarning.setGraphic(new FontIcon(MaterialDesignA.ALERT));
        digestWarning.setWrapText(true);
        digestWarning.managedProperty().bind(digestWarning.visibleProperty());
        digestWarning.visibleProperty().bind(
                review.digestsMatchProperty().not().and(review.shownProperty().isNotNull()));
        digestWarning.setText(messages.get("review.digestMismatch"));
        targetWarning.getStyleClass().add("claim-warning");
        targetWarning.setId("targetWarning");
        targetWarning.setGraphic(new FontIcon(MaterialDesignA.ALERT_OUTLINE));
        targetWarning.setWrapText(true);
        targetWarning.managedProperty().bind(targetWarning.visibleProperty());
        targetWarning.setVisible(false);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox titleRow = new HBox(10, action, spacer, identity);
        Label contextAge = new Label();
        contextAge.setId("contextAge");
        contextAge.getStyleClass().add("fact-meta");
        contextAge.textProperty().bind(review.contextAgeProperty());
        contextAge.setWrapText(true);
        review.contextStaleProperty().addListener((obs, old, stale) -> markStale(contextAge, stale));
        Button refresh = new Button(messages.get("review.context.refresh"), new FontIcon(MaterialDesignR.REFRESH));
        refresh.setId("refreshContext");
        refresh.getStyleClass().addAll("small", "flat");
        refresh.setAccessibleText(messages.get("review.context.refresh.a11y"));
        refresh.disableProperty().bind(review.refreshingProperty().or(review.shownProperty().isNull()));
        Label refreshed = new Label();
        refreshed.setId("contextRefreshMessage");
        refreshed.getStyleClass().add("fact-meta");
        refreshed.textProperty().bind(review.refreshMessageProperty());
        HBox contextRow = new HBox(8, contextAge, refresh, refreshed);
        contextRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        contextRow.visibleProperty().bind(review.shownProperty().isNotNull());
        contextRow.managedProperty().bind(contextRow.visibleProperty());
        setSpacing(4);
        getChildren().addAll(titleRow, target, targetWarning, facts, contextRow, digestWarning);
        review.shownProperty().addListener((obs, old, view) -> render(view, review));
        render(review.shown(), review);
    }

    private static void markStale(Label label, boolean stale) {
        label.getStyleClass().remove("context-stale");
        label.setGraphic(stale ? new FontIcon(MaterialDesignA.ALERT_OUTLINE) : null);
        if (stale) {
            label.getStyleClass().add("context-stale");
        }
    }

    private void render(ProposalView view, ReviewViewModel review) {
        if (view == null) {
            action.setText(messages.get("review.empty"));
            target.setText("");
            identity.setText("");
            facts.getChildren().clear();
            targetWarning.setVisible(false);
            return;
        }
        Proposal p = view.proposal();
        action.setText(texts.action(p.actionType()));
        // the inventory names the target, but a name can still hide characters: show them, and say so
        UntrustedText.Revealed name = UntrustedText.reveal(p.target().name());
        UntrustedText.Revealed targetId = UntrustedText.reveal(p.target().id());
        UntrustedText.Revealed environment = UntrustedText.reveal(p.environment());
        target.setText(messages.format("review.target", name.text(), texts.kind(p.target().kind()),
                p.target().provider(), targetId.text()));
        String findings = UntrustedWarning.of(messages, "untrusted.subject.target",
                List.of(name, targetId, environment));
        targetWarning.setText(findings);
        targetWarning.setVisible(!findings.isEmpty());
        identity.setText(messages.format("review.identity", p.id(), p.version()));
        identity.setTooltip(new Tooltip(messages.format("review.digestTip", review.proposalDigestProperty().get(),
                review.contextDigestProperty().get())));
        Label expiry = chips.styled("", "chip-expiry");
        expiry.textProperty().bind(review.expiryProperty());
        expiry.setTooltip(new Tooltip(texts.time().localDateTime(p.expiresAt())));
        Label status = chips.styled("", "chip-status");
        status.setId("proposalStatus");
        status.textProperty().bind(review.statusProperty());
        facts.getChildren().setAll(chips.tier(p.riskTier()), chips.styled(environment.text(), "chip-env"), expiry,
                status);
    }
}
