package dev.countersign.gateway.policy;

import dev.countersign.model.MatchedRule;
import dev.countersign.model.Require;
import dev.countersign.model.RiskTier;

/** One rule of a policy: when it matches, the proposal is at least this tier. */
public record PolicyRule(String id, String description, RuleMatch match, RiskTier tier) {
    public PolicyRule {
        Require.text(id, "id");
        Require.text(description, "description");
        Require.present(match, "match");
        Require.present(tier, "tier");
    }

    public MatchedRule matched() {
        return new MatchedRule(id, description, tier);
    }
}
