package dev.countersign.gateway.inventory;

import dev.countersign.model.Criticality;
import dev.countersign.model.Failover;
import dev.countersign.model.Require;
import java.time.Instant;
import java.util.List;

/**
 * A workload in the inventory: the NHIs it uses and the workloads it depends on (A depends on B means A breaks if B
 * breaks).
 */
public record Workload(
        String id, String name, String owner, String environment, Criticality criticality, Failover failover,
        Instant lastUsed, List<String> uses, List<String> dependsOn) {

    public Workload {
        Require.text(id, "id");
        Require.text(name, "name");
        Require.text(owner, "owner");
        Require.text(environment, "environment");
        Require.present(criticality, "criticality");
        Require.present(failover, "failover");
        Require.present(lastUsed, "lastUsed");
        uses = Require.listOrEmpty(uses);
        dependsOn = Require.listOrEmpty(dependsOn);
    }
}
