package dev.countersign.app.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.countersign.model.Criticality;
import dev.countersign.model.DependentWorkload;
import dev.countersign.model.Failover;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What breaks first: depth, then criticality, then failover none before partial before full, then name. */
class WorkloadOrderTest {
    private static DependentWorkload w(String name, int depth, Criticality criticality, Failover failover) {
        return new DependentWorkload("wl-" + name, name, "o@northwind.example", "prod", criticality, failover,
                Instant.EPOCH, depth);
    }

    @Test
    void depthThenCriticalityThenFailoverThenName() {
        List<DependentWorkload> sorted = List.of(
                w("z-deep", 2, Criticality.CRITICAL, Failover.NONE),
                w("low", 1, Criticality.LOW, Failover.NONE),
                w("full", 1, Criticality.CRITICAL, Failover.FULL),
                w("b-none", 1, Criticality.CRITICAL, Failover.NONE),
                w("a-none", 1, Criticality.CRITICAL, Failover.NONE),
                w("partial", 1, Criticality.CRITICAL, Failover.PARTIAL))
                .stream().sorted(WorkloadOrder.BREAKS_FIRST).toList();
        assertEquals(List.of("a-none", "b-none", "partial", "full", "low", "z-deep"),
                sorted.stream().map(DependentWorkload::name).toList());
    }
}
