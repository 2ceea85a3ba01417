package dev.countersign.app.review;

import dev.countersign.model.DependentWorkload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The blast radius as a graph, without any drawing: the target in column 0, then one column per depth, each in
 * the order things break; an edge from what breaks to what breaks because of it (target to each depth-1 workload,
 * and each workload's {@code via} to it). A long column shows its first rows and says how many more it holds,
 * unless it is expanded or holds the workload that must stay visible. Built from the edges as given: no traversal,
 * so a cycle in the data is simply a backward edge.
 */
public final class BlastRadiusGraph {
    /** The id the target's node uses as an edge end (workload ids never start with a colon here). */
    public static final String TARGET = ":target";

    private final List<Column> columns;
    private final List<Edge> edges;
    private final Map<String, Position> positions;

    /** One depth: the workloads shown (in break order) and how many more it holds. */
    public record Column(int depth, List<DependentWorkload> shown, int hidden) {
        public Column {
            shown = List.copyOf(shown);
        }
    }

    /** {@code to} breaks when {@code from} breaks. {@code backward} points to the same or an earlier column. */
    public record Edge(String from, String to, boolean backward) {}

    /** Where a node sits: column index (0 is the target) and row within the column. */
    public record Position(int column, int row) {}

    private BlastRadiusGraph(List<Column> columns, List<Edge> edges, Map<String, Position> positions) {
        this.columns = List.copyOf(columns);
        this.edges = List.copyOf(edges);
        this.positions = Map.copyOf(positions);
    }

    /**
     * @param maxRows the rows a column shows before it folds the rest into "+N more" (at least 1)
     * @param expanded show every row of every column
     * @param keepVisible a workload whose column is shown whole, so a selection is never hidden (may be null)
     */
    public static BlastRadiusGraph of(List<DependentWorkload> workloads, int maxRows, boolean expanded,
            String keepVisible) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be at least 1");
        }
        Map<String, DependentWorkload> byId = new LinkedHashMap<>();
        workloads.forEach(w -> byId.putIfAbsent(w.id(), w));
        TreeMap<Integer, List<DependentWorkload>> byDepth = new TreeMap<>();
        byId.values().forEach(w -> byDepth.computeIfAbsent(w.depth(), d -> new ArrayList<>()).add(w));

        List<Column> columns = new ArrayList<>();
        Map<String, Position> positions = new LinkedHashMap<>();
        positions.put(TARGET, new Position(0, 0));
        for (Map.Entry<Integer, List<DependentWorkload>> entry : byDepth.entrySet()) {
            List<DependentWorkload> all = entry.getValue();
            all.sort(WorkloadOrder.BREAKS_FIRST);
            boolean whole = expanded || all.size() <= maxRows
                    || all.stream().anyMatch(w -> w.id().equals(keepVisible));
            // a folded column keeps maxRows rows: maxRows - 1 workloads and the "+N more" row
            List<DependentWorkload> shown = whole ? all : all.subList(0, maxRows - 1);
            int column = columns.size() + 1;
            for (int row = 0; row < shown.size(); row++) {
                positions.put(shown.get(row).id(), new Position(column, row));
            }
            columns.add(new Column(entry.getKey(), shown, all.size() - shown.size()));
        }

        List<Edge> edges = new ArrayList<>();
        for (Column column : columns) {
            for (DependentWorkload w : column.shown()) {
                if (w.depth() == 1) {
                    edges.add(new Edge(TARGET, w.id(), false));
                }
                for (String from : w.via()) {
                    Position start = positions.get(from);
                    if (start != null && !from.equals(w.id())) {
                        edges.add(new Edge(from, w.id(), start.column() >= positions.get(w.id()).column()));
                    }
                }
            }
        }
        return new BlastRadiusGraph(columns, edges, positions);
    }

    /** The depth columns, left to right (the target's column 0 is not among them). */
    public List<Column> columns() {
        return columns;
    }

    public List<Edge> edges() {
        return edges;
    }

    /** Where a node is drawn, or empty when it is folded away (or unknown). */
    public Optional<Position> position(String id) {
        return Optional.ofNullable(positions.get(id));
    }

    /** The most rows any column uses, counting its "+N more" row. */
    public int rows() {
        return columns.stream().mapToInt(c -> c.shown().size() + (c.hidden() > 0 ? 1 : 0)).max().orElse(0);
    }

    /** Whether an edge touches the given node. */
    public static boolean touches(Edge edge, String id) {
        return Objects.equals(edge.from(), id) || Objects.equals(edge.to(), id);
    }
}
