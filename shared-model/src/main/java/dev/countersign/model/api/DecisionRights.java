package dev.countersign.model.api;

import dev.countersign.model.ActionType;
import dev.countersign.model.Require;
import dev.countersign.model.RiskTier;
import java.util.List;

/**
 * What a reviewer may decide: action types and environments (absent means all of them; an empty list means none)
 * and the highest risk tier. A reviewer must also hold a role among the tier's deciders.
 */
public record DecisionRights(List<ActionType> actionTypes, List<String> environments, RiskTier maxTier) {
    public DecisionRights {
        actionTypes = actionTypes == null ? null : List.copyOf(actionTypes);
        environments = environments == null ? null : List.copyOf(environments);
        Require.present(maxTier, "maxTier");
    }

    /** Every action type and environment, up to the given tier. */
    public static DecisionRights all(RiskTier maxTier) {
        return new DecisionRights(null, null, maxTier);
    }

    public boolean allActionTypes() {
        return actionTypes == null;
    }

    public boolean allEnvironments() {
        return environments == null;
    }

    public boolean coversActionType(ActionType type) {
        return actionTypes == null || actionTypes.contains(type);
    }

    public boolean coversEnvironment(String environment) {
        return environments == null || environments.contains(environment);
    }

    public boolean coversTier(RiskTier tier) {
        return !tier.isAbove(maxTier);
    }
}
