package dev.countersign.app.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.countersign.model.IncidentSummary;
import dev.countersign.model.Severity;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The incident timeline: newest first, recent (within 90 days of the console's today) marked. */
class IncidentTimelineTest {
    private static IncidentSummary incident(String id, String date) {
        return new IncidentSummary(id, LocalDate.parse(date), Severity.SEV3, "summary " + id);
    }

    @Test
    void newestFirstAndRecentWithinNinetyDaysOfTheClock() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC);
        List<IncidentTimeline.Entry> entries = IncidentTimeline.of(List.of(
                incident("old", "2025-06-19"),
                incident("edge", "2026-08-22"),
                incident("just-before", "2026-08-21"),
                incident("new", "2026-11-04")), clock);
        assertEquals(List.of("new", "edge", "just-before", "old"),
                entries.stream().map(e -> e.incident().id()).toList());
        assertEquals(List.of(true, true, false, false), entries.stream().map(IncidentTimeline.Entry::recent).toList());
        assertEquals(90, IncidentTimeline.RECENT.getDays());
    }

    @Test
    void sameDayIncidentsKeepAStableOrder() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC);
        List<IncidentTimeline.Entry> entries = IncidentTimeline.of(List.of(
                incident("b", "2026-01-01"), incident("a", "2026-01-01")), clock);
        assertEquals(List.of("a", "b"), entries.stream().map(e -> e.incident().id()).toList());
    }
}
