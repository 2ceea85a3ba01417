package dev.countersign.model;

import java.time.Instant;

/**
 * A workload that would feel the action. Depth 1 uses the target directly; depth 2 and more depends on one that does.
 */
public record DependentWorkload(
        String id,
        String name,
        String owner,
        String environment,
        Criticality criticality,
        Failover failover,
        Instant lastUsed,
        int depth) {

    public DependentWorkload {
        Require.text(id, "id");
        Require.text(name, "name");
        Require.text(owner, "owner");
        Require.text(environment, "environment");
        Require.present(criticality, "criticality");
        Require.present(failover, "failover");
        Require.present(lastUsed, "lastUsed");
        Require.atLeast(depth, 1, "depth");
    }
}
