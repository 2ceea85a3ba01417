package dev.countersign.app.review;

import dev.countersign.model.DependentWorkload;
import java.util.Comparator;

/**
 * What breaks first: nearer the target first (depth), then the more critical, then the less covered by failover
 * (none before partial before full), then by name. The gateway sorts the same way; the console does not trust that.
 */
public final class WorkloadOrder {
    public static final Comparator<DependentWorkload> BREAKS_FIRST = Comparator
            .comparingInt(DependentWorkload::depth)
            .thenComparing(DependentWorkload::criticality)
            .thenComparing(DependentWorkload::failover)
            .thenComparing(DependentWorkload::name)
            .thenComparing(DependentWorkload::id);

    private WorkloadOrder() {}
}
