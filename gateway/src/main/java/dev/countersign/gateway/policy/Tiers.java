package dev.countersign.gateway.policy;

import dev.countersign.model.InvalidFieldException;
import dev.countersign.model.Require;
import dev.countersign.model.RiskTier;

/** The rule of each of the four tiers; all four are required. */
public record Tiers(TierRule low, TierRule medium, TierRule high, TierRule critical) {
    public Tiers {
        Require.present(low, "low");
        Require.present(medium, "medium");
        Require.present(high, "high");
        Require.present(critical, "critical");
        for (TierRule above : new TierRule[] {medium, high, critical}) {
            if (above.autoApprove().enabled()) {
                throw new InvalidFieldException("tiers", "only the low tier may be approved automatically");
            }
        }
    }

    public TierRule of(RiskTier tier) {
        return switch (tier) {
            case LOW -> low;
            case MEDIUM -> medium;
            case HIGH -> high;
            case CRITICAL -> critical;
        };
    }
}
