package dev.countersign.app.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.app.review.BlastRadiusGraph.Edge;
import dev.countersign.app.review.BlastRadiusGraph.Position;
import dev.countersign.model.Criticality;
import dev.countersign.model.DependentWorkload;
import dev.countersign.model.Failover;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The blast-radius graph's layout without a window: columns by depth, break order, edges, folding, cycles. */
class BlastRadiusGraphTest {
    private static DependentWorkload w(String id, int depth, Criticality criticality, Failover failover,
            String... via) {
        return new DependentWorkload(id, id, "owner@northwind.example", "prod", criticality, failover,
                Instant.parse("2026-11-01T00:00:00Z"), depth, List.of(via));
    }

    private static List<String> ids(BlastRadiusGraph.Column column) {
        return column.shown().stream().map(DependentWorkload::id).toList();
    }

    @Test
    void oneColumnPerDepthInTheOrderThingsBreak() {
        BlastRadiusGraph graph = BlastRadiusGraph.of(List.of(
                w("c-low", 1, Criticality.LOW, Failover.NONE),
                w("deep", 2, Criticality.CRITICAL, Failover.NONE, "b-full"),
                w("b-full", 1, Criticality.CRITICAL, Failover.FULL),
                w("a-none", 1, Criticality.CRITICAL, Failover.NONE),
                w("a-partial", 1, Criticality.CRITICAL, Failover.PARTIAL)), 5, false, null);
        assertEquals(2, graph.columns().size());
        assertEquals(List.of("a-none", "a-partial", "b-full", "c-low"), ids(graph.columns().get(0)));
        assertEquals(List.of("deep"), ids(graph.columns().get(1)));
        assertEquals(Optional.of(new Position(0, 0)), graph.position(BlastRadiusGraph.TARGET));
        assertEquals(Optional.of(new Position(1, 1)), graph.position("a-partial"));
        assertEquals(Optional.of(new Position(2, 0)), graph.position("deep"));
        assertEquals(4, graph.rows());
    }

    @Test
    void edgesRunFromTheTargetToDepthOneAndFromEachViaToItsDependent() {
        BlastRadiusGraph graph = BlastRadiusGraph.of(List.of(
                w("a", 1, Criticality.HIGH, Failover.NONE),
                w("b", 2, Criticality.HIGH, Failover.NONE, "a"),
                w("c", 3, Criticality.HIGH, Failover.NONE, "b", "a")), 5, false, null);
        assertEquals(List.of(new Edge(BlastRadiusGraph.TARGET, "a", false), new Edge("a", "b", false),
                new Edge("b", "c", false), new Edge("a", "c", false)), graph.edges());
        assertTrue(BlastRadiusGraph.touches(graph.edges().get(1), "b"));
        assertFalse(BlastRadiusGraph.touches(graph.edges().get(0), "b"));
    }

    @Test
    void aCycleIsABackwardEdgeAndUnknownOrSelfEdgesAreDropped() {
        // a (depth 1) depends on d (depth 2), which depends on a: the inventory's cycle, as the gateway sends it
        BlastRadiusGraph graph = BlastRadiusGraph.of(List.of(
                w("a", 1, Criticality.HIGH, Failover.NONE, "d", "gone", "a"),
                w("b", 1, Criticality.LOW, Failover.NONE, "a"),
                w("d", 2, Criticality.HIGH, Failover.PARTIAL, "a")), 5, false, null);
        assertEquals(List.of(new Edge(BlastRadiusGraph.TARGET, "a", false), new Edge("d", "a", true),
                new Edge(BlastRadiusGraph.TARGET, "b", false), new Edge("a", "b", true), new Edge("a", "d", false)),
                graph.edges());
    }

    @Test
    void aLongColumnFoldsIntoMoreUnlessExpandedOrItHoldsTheSelection() {
        List<DependentWorkload> many = new ArrayList<>();
        IntStream.range(0, 40).forEach(i -> many.add(w(String.format("w%02d", i), 1 + i / 30, Criticality.MEDIUM,
                Failover.FULL)));
        BlastRadiusGraph folded = BlastRadiusGraph.of(many, 6, false, null);
        assertEquals(5, folded.columns().get(0).shown().size());
        assertEquals(25, folded.columns().get(0).hidden());
        assertEquals(5, folded.columns().get(1).shown().size());
        assertEquals(5, folded.columns().get(1).hidden());
        assertEquals(6, folded.rows(), "five workloads and the +N more row");
        assertTrue(folded.position("w29").isEmpty());
        assertEquals(5, folded.edges().size(), "edges only between drawn nodes: the target to the 5 shown");

        BlastRadiusGraph keeping = BlastRadiusGraph.of(many, 6, false, "w29");
        assertEquals(30, keeping.columns().get(0).shown().size());
        assertEquals(0, keeping.columns().get(0).hidden());
        assertEquals(5, keeping.columns().get(1).hidden(), "only the selection's column opens");

        BlastRadiusGraph expanded = BlastRadiusGraph.of(many, 6, true, null);
        assertEquals(30, expanded.rows());
        assertEquals(40, expanded.columns().stream().mapToInt(c -> c.shown().size()).sum());
    }

    @Test
    void emptyAndDuplicateInputStaySane() {
        BlastRadiusGraph empty = BlastRadiusGraph.of(List.of(), 5, false, null);
        assertEquals(List.of(), empty.columns());
        assertEquals(0, empty.rows());
        BlastRadiusGraph twice = BlastRadiusGraph.of(List.of(w("a", 1, Criticality.LOW, Failover.NONE),
                w("a", 1, Criticality.LOW, Failover.NONE)), 5, false, null);
        assertEquals(List.of("a"), ids(twice.columns().get(0)));
        assertThrows(IllegalArgumentException.class, () -> BlastRadiusGraph.of(List.of(), 0, false, null));
    }
}
