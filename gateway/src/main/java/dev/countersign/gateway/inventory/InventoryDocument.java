package dev.countersign.gateway.inventory;

import dev.countersign.model.Require;
import java.util.List;

/** The inventory file's shape: {@code {"nhis": [...], "workloads": [...], "incidents": [...]}}. */
public record InventoryDocument(List<Nhi> nhis, List<Workload> workloads, List<Incident> incidents) {
    public InventoryDocument {
        nhis = Require.list(nhis, "nhis");
        workloads = Require.listOrEmpty(workloads);
        incidents = Require.listOrEmpty(incidents);
    }

    public static InventoryDocument empty() {
        return new InventoryDocument(List.of(), List.of(), List.of());
    }
}
