package dev.countersign.app.review;

import dev.countersign.app.common.BreakableText;
import dev.countersign.app.common.Chips;
import dev.countersign.app.common.ContextPane;
import dev.countersign.app.common.Messages;
import dev.countersign.model.MatchedRule;
import dev.countersign.model.PolicyBasis;
import dev.countersign.model.api.ProposalView;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * Why policy holds the proposal: policy and version, tier and outcome, whether this reviewer may decide and why
 * not (in plain words: what it needs, what they hold), approvals required and given, the matched rules with their
 * reasons, and who may decide.
 */
public final class PolicyBasisPane extends ContextPane {
    private final Messages messages;
    private final Chips chips;
    private final Label authority = new Label();
    private final FontIcon mayIcon = new FontIcon(MaterialDesignC.CHECK_CIRCLE_OUTLINE);
    private final FontIcon mayNotIcon = new FontIcon(MaterialDesignA.ALERT_CIRCLE_OUTLINE);

    public PolicyBasisPane(ObservableValue<ProposalView> shown, AuthorityViewModel authorityVm, Messages messages,
            Chips chips) {
        super(messages.get("pane.policy.title"), MaterialDesignS.SCALE_BALANCE, messages.get("pane.policy.help"));
        this.messages = messages;
        this.chips = chips;
        setId("policyPane");
        AuthoritySentence sentence = new AuthoritySentence(messages);
        authority.setId("policyAuthority");
        authority.setWrapText(true);
        authority.getStyleClass().add("authority");
        authority.textProperty().bind(Bindings.createStringBinding(() -> shown.getValue() == null ? ""
                : sentence.explain(authorityVm.reviewerProperty().getValue(), shown.getValue()),
                shown, authorityVm.reviewerProperty()));
        authority.accessibleTextProperty().bind(authority.textProperty());
        authorityVm.permittedProperty().addListener((obs, old, ok) -> permitted(ok));
        permitted(authorityVm.permittedProperty().get());
        follow(shown);
    }

    @Override
    protected void show(ProposalView view) {
        PolicyBasis basis = view.context().policyBasis();
        setSubtitle(messages.format("pane.policy.subtitle", basis.matchedRules().size(), basis.approvalsRequired()));
        BreakableText policy = new BreakableText(basis.policyId(), "fact-name");
        Label version = new Label(messages.format("pane.policy.version", basis.policyVersion()));
        version.getStyleClass().add("fact-meta");
        FlowPane verdict = new FlowPane(6, 4, chips.tier(basis.tier()),
                chips.styled(messages.get("outcome." + basis.outcome().json()), "chip-outcome"));
        Label approvals = new Label(view.approvals().isEmpty()
                ? messages.format("pane.policy.approvals", 0, basis.approvalsRequired())
                : messages.format("pane.policy.approvalsBy", view.approvals().size(), basis.approvalsRequired(),
                        String.join(", ", view.approvals().stream().map(a -> a.reviewer()).toList())));
        approvals.setId("policyApprovals");
        approvals.getStyleClass().add("approvals");
        approvals.setWrapText(true);

        VBox rules = new VBox(6);
        rules.setId("policyRules");
        for (MatchedRule rule : basis.matchedRules()) {
            BreakableText id = new BreakableText(rule.id(), "rule-id");
            Label description = new Label(rule.description());
            description.setWrapText(true);
            description.getStyleClass().add("rule-description");
            VBox entry = new VBox(3, chips.tier(rule.tier()), id, description);
            entry.getStyleClass().add("rule");
            entry.setAccessibleText(messages.format("pane.policy.rule.a11y", rule.id(),
                    messages.get("tier." + rule.tier().json()), rule.description()));
            rules.getChildren().add(entry);
        }
        if (basis.matchedRules().isEmpty()) {
            rules.getChildren().add(muted(messages.get("pane.policy.noRules")));
        }
        FlowPane deciders = new FlowPane(4, 4);
        deciders.setId("policyDeciders");
        basis.deciders().forEach(role -> deciders.getChildren().add(chips.styled(role, "chip-role")));
        VBox basisBox = new VBox(0, policy, version);
        basisBox.setId("policyBasis");
        setBody(basisBox, verdict, authority, approvals, section("pane.policy.rules"), rules,
                section("pane.policy.deciders"), deciders);
    }

    private void permitted(boolean ok) {
        authority.getStyleClass().removeAll("tone-success", "tone-warning");
        authority.getStyleClass().add(ok ? "tone-success" : "tone-warning");
        authority.setGraphic(ok ? mayIcon : mayNotIcon);
    }

    private Label section(String key) {
        Label label = new Label(messages.get(key));
        label.getStyleClass().add("section-label");
        return label;
    }
}
