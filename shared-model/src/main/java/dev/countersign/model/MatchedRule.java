package dev.countersign.model;

/** A policy rule that matched the proposal, with the tier it asks for. */
public record MatchedRule(String id, String description, RiskTier tier) {
    public MatchedRule {
        Require.text(id, "id");
        Require.text(description, "description");
        Require.present(tier, "tier");
    }
}
