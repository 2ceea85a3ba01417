package dev.countersign.gateway.policy;

import dev.countersign.gateway.inventory.Privilege;
import dev.countersign.model.ActionType;
import dev.countersign.model.InvalidFieldException;
import dev.countersign.model.NhiKind;
import java.util.List;

/**
 * When a rule applies. Every condition that is present must hold; an empty match applies to every proposal. Lists
 * mean "one of"; {@code anyWithoutFailover} compares with whether some affected workload has no failover.
 */
public record RuleMatch(
        List<ActionType> actionTypes,
        List<String> environments,
        List<NhiKind> targetKinds,
        List<Privilege> targetPrivileges,
        Integer minCriticalWorkloads,
        Integer minWorkloads,
        Boolean anyWithoutFailover) {

    public RuleMatch {
        actionTypes = nonEmptyOrNull(actionTypes, "actionTypes");
        environments = nonEmptyOrNull(environments, "environments");
        targetKinds = nonEmptyOrNull(targetKinds, "targetKinds");
        targetPrivileges = nonEmptyOrNull(targetPrivileges, "targetPrivileges");
        if (minCriticalWorkloads != null && minCriticalWorkloads < 0) {
            throw new InvalidFieldException("minCriticalWorkloads", "must not be negative");
        }
        if (minWorkloads != null && minWorkloads < 0) {
            throw new InvalidFieldException("minWorkloads", "must not be negative");
        }
    }

    public boolean matches(PolicyFacts facts) {
        return (actionTypes == null || actionTypes.contains(facts.actionType()))
                && (environments == null || environments.contains(facts.environment()))
                && (targetKinds == null || targetKinds.contains(facts.targetKind()))
                && (targetPrivileges == null || targetPrivileges.contains(facts.targetPrivilege()))
                && (minCriticalWorkloads == null || facts.criticalWorkloads() >= minCriticalWorkloads)
                && (minWorkloads == null || facts.affected().size() >= minWorkloads)
                && (anyWithoutFailover == null || facts.anyWithoutFailover() == anyWithoutFailover);
    }

    private static <T> List<T> nonEmptyOrNull(List<T> values, String field) {
        if (values == null) {
            return null;
        }
        if (values.isEmpty()) {
            throw new InvalidFieldException(field, "must not be empty (leave it out to match any)");
        }
        if (values.contains(null)) {
            throw new InvalidFieldException(field, "must not hold null");
        }
        return List.copyOf(values);
    }
}
