package dev.countersign.model;

import java.util.List;
import java.util.Map;

/**
 * What an action on the target reaches: the identities involved, the workloads affected counted by criticality, and
 * the environments they run in.
 */
public record BlastRadius(int identities, Map<Criticality, Integer> workloadsByCriticality, List<String> environments) {
    public BlastRadius {
        Require.atLeast(identities, 0, "identities");
        workloadsByCriticality = Require.map(workloadsByCriticality, "workloadsByCriticality");
        environments = Require.list(environments, "environments");
    }

    public int workloads() {
        return workloadsByCriticality.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int count(Criticality criticality) {
        return workloadsByCriticality.getOrDefault(criticality, 0);
    }
}
