package dev.countersign.model;

import java.util.List;

/** Why policy sent the proposal where it did: which policy, which rules, and who may decide. */
public record PolicyBasis(
        String policyId,
        String policyVersion,
        List<MatchedRule> matchedRules,
        RiskTier tier,
        PolicyOutcome outcome,
        int approvalsRequired,
        List<String> deciders) {

    public PolicyBasis {
        Require.text(policyId, "policyId");
        Require.text(policyVersion, "policyVersion");
        matchedRules = Require.list(matchedRules, "matchedRules");
        Require.present(tier, "tier");
        Require.present(outcome, "outcome");
        Require.atLeast(approvalsRequired, 1, "approvalsRequired");
        deciders = Require.list(deciders, "deciders");
    }
}
