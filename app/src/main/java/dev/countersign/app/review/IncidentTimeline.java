package dev.countersign.app.review;

import dev.countersign.model.IncidentSummary;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Comparator;
import java.util.List;

/** Incidents newest first, each marked recent when it happened within {@link #RECENT} of the console's today. */
public final class IncidentTimeline {
    /** How far back an incident counts as recent and stands out. */
    public static final Period RECENT = Period.ofDays(90);

    /** One marker on the timeline. */
    public record Entry(IncidentSummary incident, boolean recent) {}

    private IncidentTimeline() {}

    public static List<Entry> of(List<IncidentSummary> incidents, Clock clock) {
        LocalDate since = LocalDate.now(clock).minus(RECENT);
        return incidents.stream()
                .sorted(Comparator.comparing(IncidentSummary::date).reversed().thenComparing(IncidentSummary::id))
                .map(i -> new Entry(i, !i.date().isBefore(since)))
                .toList();
    }
}
