package dev.countersign.app.review;

import dev.countersign.app.common.Messages;
import dev.countersign.app.identity.RightsTexts;
import dev.countersign.model.PolicyBasis;
import dev.countersign.model.Proposal;
import dev.countersign.model.api.DecisionRights;
import dev.countersign.model.api.ProposalView;
import dev.countersign.model.api.ReviewerView;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;

/**
 * Whether THIS reviewer may decide the proposal shown, and why not, in plain words: the same rule the gateway
 * enforces (a role among the tier's deciders; action type, environment and tier within their rights).
 */
public final class AuthorityViewModel {
    private final Messages messages;
    private final StringBinding text;
    private final BooleanBinding permitted;
    private final ObservableValue<ReviewerView> reviewer;

    public AuthorityViewModel(Messages messages, ObservableValue<ProposalView> shown,
            ObservableValue<ReviewerView> reviewer) {
        this.messages = messages;
        this.reviewer = reviewer;
        text = Bindings.createStringBinding(() -> shown.getValue() == null ? ""
                : explain(reviewer.getValue(), shown.getValue()), shown, reviewer);
        permitted = Bindings.createBooleanBinding(() -> shown.getValue() != null && reviewer.getValue() != null
                && refusal(reviewer.getValue(), shown.getValue()) == null, shown, reviewer);
    }

    /** "You may decide: platform-security, tiers up to critical" or "You cannot decide this: …". */
    public String explain(ReviewerView reviewer, ProposalView view) {
        if (reviewer == null) {
            return messages.get("authority.unknown");
        }
        String refusal = refusal(reviewer, view);
        if (refusal != null) {
            return refusal;
        }
        List<String> deciders = view.context().policyBasis().deciders();
        List<String> held = reviewer.roles().stream().filter(deciders::contains).toList();
        return messages.format("authority.may", String.join(", ", held), reviewer.rights().maxTier().json());
    }

    private String refusal(ReviewerView reviewer, ProposalView view) {
        PolicyBasis basis = view.context().policyBasis();
        Proposal proposal = view.proposal();
        if (reviewer.roles().stream().noneMatch(basis.deciders()::contains)) {
            return messages.format("authority.role", basis.tier().json(), RightsTexts.anyOf(messages, basis.deciders()));
        }
        DecisionRights rights = reviewer.rights();
        if (rights == null) {
            return messages.get("authority.noRights");
        }
        if (!rights.coversTier(basis.tier())) {
            return messages.format("authority.tier", rights.maxTier().json());
        }
        if (!rights.coversActionType(proposal.actionType())) {
            return messages.format("authority.action", proposal.actionType().json());
        }
        if (!rights.coversEnvironment(proposal.environment())) {
            return messages.format("authority.environment", proposal.environment());
        }
        return null;
    }

    public StringBinding textProperty() {
        return text;
    }

    public BooleanBinding permittedProperty() {
        return permitted;
    }

    /** The signed-in reviewer as the gateway knows them (null until known). */
    public ObservableValue<ReviewerView> reviewerProperty() {
        return reviewer;
    }
}
