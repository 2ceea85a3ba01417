package dev.countersign.gateway.inventory;

import dev.countersign.model.BlastRadius;
import dev.countersign.model.Criticality;
import dev.countersign.model.DependentWorkload;
import dev.countersign.model.IncidentSummary;
import dev.countersign.model.json.Json;
import dev.countersign.model.json.JsonFormatException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The platform facts the gateway holds: NHIs, workloads and their dependencies, incidents. Immutable; checked on
 * construction (unique ids, every reference resolves), so what it answers is always about known things.
 */
public final class Inventory {
    private static final Comparator<DependentWorkload> BREAKS_FIRST = Comparator
            .comparingInt(DependentWorkload::depth)
            .thenComparing(DependentWorkload::criticality)
            .thenComparing(DependentWorkload::failover)
            .thenComparing(DependentWorkload::name)
            .thenComparing(DependentWorkload::id);

    private final InventoryDocument document;
    private final Map<String, Nhi> nhis;
    private final Map<String, Workload> workloads;
    /** Workloads that use an NHI, by NHI id. */
    private final Map<String, List<Workload>> users;
    /** Workloads that depend on a workload, by the depended-on workload's id. */
    private final Map<String, List<Workload>> dependents;

    private Inventory(InventoryDocument document) {
        this.document = document;
        this.nhis = index(document.nhis(), Nhi::id, "nhis");
        this.workloads = index(document.workloads(), Workload::id, "workloads");
        index(document.incidents(), Incident::id, "incidents");
        this.users = new HashMap<>();
        this.dependents = new HashMap<>();
        for (int i = 0; i < document.workloads().size(); i++) {
            Workload w = document.workloads().get(i);
            for (int j = 0; j < w.uses().size(); j++) {
                String nhiId = w.uses().get(j);
                require(nhis.containsKey(nhiId), "$.workloads[" + i + "].uses[" + j + "]", "names unknown NHI '" + nhiId + "'");
                users.computeIfAbsent(nhiId, k -> new ArrayList<>()).add(w);
            }
            for (int j = 0; j < w.dependsOn().size(); j++) {
                String other = w.dependsOn().get(j);
                require(workloads.containsKey(other), "$.workloads[" + i + "].dependsOn[" + j + "]",
                        "names unknown workload '" + other + "'");
                dependents.computeIfAbsent(other, k -> new ArrayList<>()).add(w);
            }
        }
        for (int i = 0; i < document.incidents().size(); i++) {
            Incident incident = document.incidents().get(i);
            for (int j = 0; j < incident.nhiIds().size(); j++) {
                require(nhis.containsKey(incident.nhiIds().get(j)), "$.incidents[" + i + "].nhiIds[" + j + "]",
                        "names unknown NHI '" + incident.nhiIds().get(j) + "'");
            }
            for (int j = 0; j < incident.workloadIds().size(); j++) {
                require(workloads.containsKey(incident.workloadIds().get(j)),
                        "$.incidents[" + i + "].workloadIds[" + j + "]",
                        "names unknown workload '" + incident.workloadIds().get(j) + "'");
            }
        }
    }

    /** Checks and indexes a document; a broken reference is a {@link JsonFormatException} naming its path. */
    public static Inventory of(InventoryDocument document) {
        return new Inventory(document);
    }

    /** Parses strictly and checks an inventory file. */
    public static Inventory parse(byte[] json) {
        return of(Json.parse(json, InventoryDocument.class));
    }

    public static Inventory empty() {
        return of(InventoryDocument.empty());
    }

    public InventoryDocument document() {
        return document;
    }

    public Optional<Nhi> nhi(String id) {
        return Optional.ofNullable(nhis.get(id));
    }

    /**
     * The workloads an action on the NHI reaches, in the order they break: those that use it (depth 1), then,
     * breadth first and cycle-safe, those that depend on an affected one (depth 2, 3, ...). Each names in
     * {@code via} the affected workloads it depends on (sorted; only edges inside the affected set).
     */
    public List<DependentWorkload> affectedBy(String nhiId) {
        Map<String, Integer> depth = new LinkedHashMap<>();
        Deque<Workload> queue = new ArrayDeque<>();
        for (Workload w : users.getOrDefault(nhiId, List.of())) {
            if (depth.putIfAbsent(w.id(), 1) == null) {
                queue.add(w);
            }
        }
        while (!queue.isEmpty()) {
            Workload w = queue.removeFirst();
            int next = depth.get(w.id()) + 1;
            for (Workload dependent : dependents.getOrDefault(w.id(), List.of())) {
                if (depth.putIfAbsent(dependent.id(), next) == null) {
                    queue.addLast(dependent);
                }
            }
        }
        List<DependentWorkload> affected = new ArrayList<>(depth.size());
        depth.forEach((id, d) -> {
            Workload w = workloads.get(id);
            List<String> via = w.dependsOn().stream().filter(depth::containsKey).distinct().sorted().toList();
            affected.add(new DependentWorkload(w.id(), w.name(), w.owner(), w.environment(), w.criticality(),
                    w.failover(), w.lastUsed(), d, via));
        });
        affected.sort(BREAKS_FIRST);
        return List.copyOf(affected);
    }

    /** What an action on the target reaches: identities, workloads by criticality, environments. */
    public BlastRadius blastRadius(Nhi target, List<DependentWorkload> affected) {
        Set<String> identities = new TreeSet<>();
        identities.add(target.id());
        Map<Criticality, Integer> counts = new EnumMap<>(Criticality.class);
        for (Criticality c : Criticality.values()) {
            counts.put(c, 0);
        }
        Set<String> environments = new TreeSet<>();
        environments.add(target.environment());
        for (DependentWorkload d : affected) {
            identities.addAll(workloads.get(d.id()).uses());
            counts.merge(d.criticality(), 1, Integer::sum);
            environments.add(d.environment());
        }
        return new BlastRadius(identities.size(), counts, List.copyOf(environments));
    }

    /** Incidents that touched the target or an affected workload, newest first. */
    public List<IncidentSummary> incidents(String nhiId, List<DependentWorkload> affected) {
        Set<String> affectedIds = affected.stream().map(DependentWorkload::id).collect(Collectors.toSet());
        return document.incidents().stream()
                .filter(i -> i.nhiIds().contains(nhiId) || !Collections.disjoint(i.workloadIds(), affectedIds))
                .sorted(Comparator.comparing(Incident::date).reversed().thenComparing(Incident::id))
                .map(Incident::summarize)
                .toList();
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> id, String name) {
        Map<String, T> map = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            require(map.putIfAbsent(id.apply(item), item) == null, "$." + name + "[" + i + "].id",
                    "repeats id '" + id.apply(item) + "'");
        }
        return Map.copyOf(map);
    }

    private static void require(boolean condition, String path, String problem) {
        if (!condition) {
            throw new JsonFormatException(path, problem);
        }
    }
}
