package dev.countersign.gateway.policy;

import dev.countersign.gateway.inventory.Privilege;
import dev.countersign.model.ActionType;
import dev.countersign.model.Criticality;
import dev.countersign.model.DependentWorkload;
import dev.countersign.model.Failover;
import dev.countersign.model.NhiKind;
import java.util.List;

/** What policy judges a proposal by: the action, where, on what, and which workloads it reaches. */
public record PolicyFacts(
        ActionType actionType, String environment, NhiKind targetKind, Privilege targetPrivilege,
        List<DependentWorkload> affected) {

    public PolicyFacts {
        affected = List.copyOf(affected);
    }

    public long criticalWorkloads() {
        return affected.stream().filter(w -> w.criticality() == Criticality.CRITICAL).count();
    }

    public boolean anyWithoutFailover() {
        return affected.stream().anyMatch(w -> w.failover() == Failover.NONE);
    }
}
