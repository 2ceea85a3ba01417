package dev.countersign.app.queue;

import dev.countersign.model.RiskTier;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeSet;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** What the queue's filters can choose from: the environments and agents seen so far, and how many rows per tier. */
public final class QueueChoices {
    private final ObservableList<String> environments = FXCollections.observableArrayList();
    private final ObservableList<String> agents = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Map<RiskTier, Integer>> tierCounts = new ReadOnlyObjectWrapper<>(counts(
            new int[RiskTier.values().length]));

    void added(Collection<QueueRow> rows) {
        TreeSet<String> envs = new TreeSet<>(environments);
        TreeSet<String> ids = new TreeSet<>(agents);
        for (QueueRow row : rows) {
            envs.add(row.summary().environment());
            ids.add(row.summary().agentId());
        }
        if (envs.size() != environments.size()) {
            environments.setAll(envs);
        }
        if (ids.size() != agents.size()) {
            agents.setAll(ids);
        }
    }

    void counted(int[] perTier) {
        Map<RiskTier, Integer> latest = counts(perTier);
        if (!latest.equals(tierCounts.get())) {
            tierCounts.set(latest);
        }
    }

    void clear() {
        environments.clear();
        agents.clear();
        counted(new int[RiskTier.values().length]);
    }

    private static Map<RiskTier, Integer> counts(int[] perTier) {
        Map<RiskTier, Integer> map = new EnumMap<>(RiskTier.class);
        for (RiskTier tier : RiskTier.values()) {
            map.put(tier, perTier[tier.ordinal()]);
        }
        return Map.copyOf(map);
    }

    /** Environments seen in the queue, sorted. */
    public ObservableList<String> environments() {
        return environments;
    }

    /** Agent ids seen in the queue, sorted. */
    public ObservableList<String> agents() {
        return agents;
    }

    /** Rows in the queue per tier (every tier present, zero if none). */
    public ReadOnlyObjectProperty<Map<RiskTier, Integer>> tierCountsProperty() {
        return tierCounts.getReadOnlyProperty();
    }
}
