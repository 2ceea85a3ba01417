package dev.countersign.gateway.inventory;

import dev.countersign.model.IncidentSummary;
import dev.countersign.model.Require;
import dev.countersign.model.Severity;
import java.time.LocalDate;
import java.util.List;

/** A past incident and the NHIs and workloads it touched. */
public record Incident(
        String id, LocalDate date, Severity severity, String summary, List<String> nhiIds, List<String> workloadIds) {

    public Incident {
        Require.text(id, "id");
        Require.present(date, "date");
        Require.present(severity, "severity");
        Require.text(summary, "summary");
        nhiIds = Require.listOrEmpty(nhiIds);
        workloadIds = Require.listOrEmpty(workloadIds);
    }

    public IncidentSummary summarize() {
        return new IncidentSummary(id, date, severity, summary);
    }
}
