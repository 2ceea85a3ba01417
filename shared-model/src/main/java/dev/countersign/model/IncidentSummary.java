package dev.countersign.model;

import java.time.LocalDate;

/** An incident that touched the target or one of its dependent workloads. */
public record IncidentSummary(String id, LocalDate date, Severity severity, String summary) {
    public IncidentSummary {
        Require.text(id, "id");
        Require.present(date, "date");
        Require.present(severity, "severity");
        Require.text(summary, "summary");
    }
}
