package dev.countersign.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A workload that would feel the action. Depth 1 uses the target directly; depth 2 and more depends on one that does.
 *
 * <p>{@code via} lists the ids of the other affected workloads this one depends on: the edges of the blast-radius
 * graph (empty at depth 1 unless it also depends on another affected workload). An empty {@code via} is not written
 * and a missing one reads as empty, so a context stored before the field existed keeps its canonical digest.
 */
public record DependentWorkload(
        String id,
        String name,
        String owner,
        String environment,
        Criticality criticality,
        Failover failover,
        Instant lastUsed,
        int depth,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> via) {

    @JsonCreator
    public DependentWorkload {
        Require.text(id, "id");
        Require.text(name, "name");
        Require.text(owner, "owner");
        Require.text(environment, "environment");
        Require.present(criticality, "criticality");
        Require.present(failover, "failover");
        Require.present(lastUsed, "lastUsed");
        Require.atLeast(depth, 1, "depth");
        via = Require.listOrEmpty(via);
        for (String edge : via) {
            Require.text(edge, "via");
        }
    }

    /** A workload with no edge to another affected workload. */
    public DependentWorkload(String id, String name, String owner, String environment, Criticality criticality,
            Failover failover, Instant lastUsed, int depth) {
        this(id, name, owner, environment, criticality, failover, lastUsed, depth, List.of());
    }
}
