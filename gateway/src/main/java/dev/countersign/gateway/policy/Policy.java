package dev.countersign.gateway.policy;

import dev.countersign.model.InvalidFieldException;
import dev.countersign.model.MatchedRule;
import dev.countersign.model.PolicyBasis;
import dev.countersign.model.PolicyOutcome;
import dev.countersign.model.Require;
import dev.countersign.model.RiskTier;
import dev.countersign.model.json.Json;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A change policy: rules that put proposals in risk tiers, and what each tier needs. The tier is the highest among
 * the matching rules, else the default. Parsed strictly: an unknown key is an error that names its path.
 *
 * <p>When the tier's {@code autoApprove} thresholds hold for a proposal the outcome is {@code auto_approve}, and the
 * gateway approves it at once with a record signed by its own key (docs/policy.md).
 */
public record Policy(String id, String version, RiskTier defaultTier, List<PolicyRule> rules, Tiers tiers) {
    public Policy {
        Require.text(id, "id");
        Require.text(version, "version");
        Require.present(defaultTier, "defaultTier");
        rules = Require.list(rules, "rules");
        Require.present(tiers, "tiers");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            if (!ids.add(rules.get(i).id())) {
                throw new InvalidFieldException("rules[" + i + "].id", "repeats rule id '" + rules.get(i).id() + "'");
            }
        }
    }

    /** Parses a policy document strictly; errors are {@code JsonFormatException}s with a path. */
    public static Policy parse(byte[] json) {
        return Json.parse(json, Policy.class);
    }

    public PolicyBasis evaluate(PolicyFacts facts) {
        List<MatchedRule> matched = rules.stream().filter(r -> r.match().matches(facts)).map(PolicyRule::matched)
                .toList();
        RiskTier tier = matched.stream().map(MatchedRule::tier).reduce(RiskTier::max).orElse(defaultTier);
        TierRule rule = tiers.of(tier);
        PolicyOutcome outcome = rule.autoApprove().allows(facts) ? PolicyOutcome.AUTO_APPROVE
                : PolicyOutcome.NEEDS_REVIEW;
        return new PolicyBasis(id, version, matched, tier, outcome, rule.approvalsRequired(), rule.deciders());
    }
}
