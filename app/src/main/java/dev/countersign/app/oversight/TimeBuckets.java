package dev.countersign.app.oversight;

import dev.countersign.app.oversight.OversightFigures.Bucket;
import dev.countersign.app.oversight.OversightFigures.VerdictCounts;
import dev.countersign.app.oversight.OversightFigures.VerdictSeries;
import dev.countersign.app.records.RecordPeriod;
import dev.countersign.app.records.RecordRow;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Verdicts over time: hours for a period up to two days, days up to 62 days, weeks (from Monday) up to two years,
 * months beyond, all in the user's time zone. Buckets run from the period's start (or the first record) to its end
 * (or now, or the last record if later), empty ones included.
 */
public final class TimeBuckets {
    public enum Size { HOUR, DAY, WEEK, MONTH }

    private TimeBuckets() {}

    static Size size(Duration span) {
        if (span.compareTo(Duration.ofDays(2)) <= 0) {
            return Size.HOUR;
        }
        if (span.compareTo(Duration.ofDays(62)) <= 0) {
            return Size.DAY;
        }
        return span.compareTo(Duration.ofDays(730)) <= 0 ? Size.WEEK : Size.MONTH;
    }

    static VerdictSeries series(List<RecordRow> inPeriod, Instant now, RecordPeriod period, ZoneId zone) {
        Instant first = inPeriod.stream().map(RecordRow::decidedAt).min(Instant::compareTo).orElse(now);
        Instant last = inPeriod.stream().map(RecordRow::decidedAt).max(Instant::compareTo).orElse(now);
        Instant start = period.start(now, zone) != null ? period.start(now, zone) : first;
        Instant end = period.end(zone) != null ? period.end(zone).minusNanos(1) : (last.isAfter(now) ? last : now);
        if (end.isBefore(start)) {
            end = start;
        }
        Size size = size(Duration.between(start, end));
        TreeMap<Instant, VerdictCounts> counts = new TreeMap<>();
        for (Instant t = floor(start, size, zone); !t.isAfter(end); t = next(t, size, zone)) {
            counts.put(t, VerdictCounts.NONE);
        }
        for (RecordRow row : inPeriod) {
            counts.merge(floor(row.decidedAt(), size, zone), VerdictCounts.NONE.plus(row.verdict()),
                    (a, b) -> a.plus(row.verdict()));
        }
        List<Bucket> buckets = new ArrayList<>();
        counts.forEach((t, c) -> buckets.add(new Bucket(t, c)));
        return new VerdictSeries(size, buckets);
    }

    /** The start of the bucket {@code t} falls in. */
    static Instant floor(Instant t, Size size, ZoneId zone) {
        ZonedDateTime z = t.atZone(zone);
        return switch (size) {
            case HOUR -> z.truncatedTo(ChronoUnit.HOURS).toInstant();
            case DAY -> z.toLocalDate().atStartOfDay(zone).toInstant();
            case WEEK -> z.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(zone)
                    .toInstant();
            case MONTH -> z.toLocalDate().withDayOfMonth(1).atStartOfDay(zone).toInstant();
        };
    }

    private static Instant next(Instant bucket, Size size, ZoneId zone) {
        ZonedDateTime z = bucket.atZone(zone);
        return switch (size) {
            case HOUR -> bucket.plus(Duration.ofHours(1));
            case DAY -> z.toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
            case WEEK -> z.toLocalDate().plusWeeks(1).atStartOfDay(zone).toInstant();
            case MONTH -> z.toLocalDate().plusMonths(1).atStartOfDay(zone).toInstant();
        };
    }
}
