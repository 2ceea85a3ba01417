package dev.countersign.app.review;

import dev.countersign.app.common.Messages;
import dev.countersign.model.PolicyBasis;
import dev.countersign.model.Proposal;
import dev.countersign.model.api.DecisionRights;
import dev.countersign.model.api.ProposalView;
import dev.countersign.model.api.ReviewerView;
import java.util.List;

/**
 * Whether this reviewer may decide the proposal, as one specific sentence for the policy pane: what the proposal
 * needs and what the reviewer holds ("You may not decide: critical-tier changes in prod need the role
 * platform-security; you hold sre-oncall"). The checks and their order are {@link AuthorityViewModel}'s (the
 * gateway's rule); this only words them with both sides.
 */
public final class AuthoritySentence {
    private final Messages messages;

    public AuthoritySentence(Messages messages) {
        this.messages = messages;
    }

    public String explain(ReviewerView reviewer, ProposalView view) {
        if (reviewer == null) {
            return messages.get("policy.who.unknown");
        }
        PolicyBasis basis = view.context().policyBasis();
        Proposal proposal = view.proposal();
        String tier = messages.get("tier." + basis.tier().json()).toLowerCase(messages.locale());
        String held = reviewer.roles().isEmpty() ? messages.get("policy.who.noRoles")
                : String.join(", ", reviewer.roles());
        List<String> matching = reviewer.roles().stream().filter(basis.deciders()::contains).toList();
        if (matching.isEmpty()) {
            return messages.format(basis.deciders().size() == 1 ? "policy.who.role" : "policy.who.roles", tier,
                    proposal.environment(), String.join(", ", basis.deciders()), held);
        }
        DecisionRights rights = reviewer.rights();
        if (rights == null) {
            return messages.format("policy.who.noRights", String.join(", ", matching));
        }
        String maxTier = messages.get("tier." + rights.maxTier().json()).toLowerCase(messages.locale());
        if (!rights.coversTier(basis.tier())) {
            return messages.format("policy.who.tier", tier, maxTier);
        }
        if (!rights.coversActionType(proposal.actionType())) {
            return messages.format("policy.who.action", messages.get("action." + proposal.actionType().json()),
                    String.join(", ", rights.actionTypes().stream()
                            .map(a -> messages.get("action." + a.json())).toList()));
        }
        if (!rights.coversEnvironment(proposal.environment())) {
            return messages.format("policy.who.environment", proposal.environment(),
                    String.join(", ", rights.environments()));
        }
        return messages.format("policy.who.may", String.join(", ", matching), tier, proposal.environment(), maxTier);
    }
}
