package dev.countersign.app.oversight;

import dev.countersign.app.records.RecordPeriod;
import dev.countersign.app.records.RecordRow;
import dev.countersign.model.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How oversight is going (NIST CSF 2.0 GV.OV), computed from decision records alone. Every figure but the open
 * exceptions counts what was decided in the period: a proposal counts in the period its closing record (see
 * {@link Closure}) falls in. Open exceptions are a state at {@code now}, whatever the period.
 *
 * @param records        how many records fall in the period
 * @param timeToDecision from proposal to closing record, over the proposals closed in the period
 * @param totals         the records in the period by verdict
 * @param series         the same, over time
 * @param automatic      of the proposals approved in the period, how many by policy alone
 * @param openExceptions approved temporary exceptions not yet ended, oldest approval first
 * @param reviewers      the records in the period by reviewer, most first
 */
public record OversightFigures(Instant now, RecordPeriod period, int records, TimeToDecision timeToDecision,
        VerdictCounts totals, VerdictSeries series, AutoApproval automatic, List<OpenException> openExceptions,
        List<ReviewerCount> reviewers) {

    public OversightFigures {
        openExceptions = List.copyOf(openExceptions);
        reviewers = List.copyOf(reviewers);
    }

    /** Approvals, denials and escalations. */
    public record VerdictCounts(int approvals, int denials, int escalations) {
        public static final VerdictCounts NONE = new VerdictCounts(0, 0, 0);

        public int total() {
            return approvals + denials + escalations;
        }

        VerdictCounts plus(Verdict verdict) {
            return switch (verdict) {
                case APPROVE -> new VerdictCounts(approvals + 1, denials, escalations);
                case DENY -> new VerdictCounts(approvals, denials + 1, escalations);
                case ESCALATE -> new VerdictCounts(approvals, denials, escalations + 1);
            };
        }
    }

    /**
     * Time to decision. The median of an even count is the mean of the two middle values; p90 is the nearest-rank
     * 90th percentile (the smallest value at least 90% of the values are at or below). Both null when no proposal
     * closed in the period has a time.
     */
    public record TimeToDecision(int count, Duration median, Duration p90, List<Bin> histogram) {
        public TimeToDecision {
            histogram = List.copyOf(histogram);
        }
    }

    /** A histogram bin: times from {@code from} up to {@code to} (excluded; null for no upper bound). */
    public record Bin(Duration from, Duration to, int count) {}

    /** The bins' bounds: under 5 min, 5–15 min, 15 min–1 h, 1–4 h, 4–24 h, 1 day or more. */
    public static final List<Duration> BIN_BOUNDS = List.of(Duration.ZERO, Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(24));

    /** Verdict counts per hour, day, week or month, with empty buckets kept so time reads evenly. */
    public record VerdictSeries(TimeBuckets.Size size, List<Bucket> buckets) {
        public VerdictSeries {
            buckets = List.copyOf(buckets);
        }
    }

    public record Bucket(Instant start, VerdictCounts counts) {}

    /** Of {@code approved} proposals approved in the period, {@code automatic} by policy alone. */
    public record AutoApproval(int automatic, int approved) {
        /** The share, 0 to 1; 0 when nothing was approved. */
        public double share() {
            return approved == 0 ? 0 : (double) automatic / approved;
        }
    }

    /**
     * An approved temporary exception that has not ended.
     *
     * @param end when it ends; null when neither the approval's window nor the proposal says (it then stays open)
     */
    public record OpenException(RecordRow approval, Instant approvedAt, Instant end, Duration age) {}

    public record ReviewerCount(String reviewer, VerdictCounts counts) {}

    /** The figures in UTC (day and week buckets start at UTC midnight). */
    public static OversightFigures compute(List<RecordRow> rows, Instant now, RecordPeriod period) {
        return compute(rows, now, period, ZoneOffset.UTC);
    }

    /** The figures, with days and weeks in {@code zone}. */
    public static OversightFigures compute(List<RecordRow> rows, Instant now, RecordPeriod period, ZoneId zone) {
        List<RecordRow> inPeriod = rows.stream().filter(r -> period.contains(r.decidedAt(), now, zone)).toList();
        List<Closure> all = Closure.of(rows);
        List<Closure> closed = all.stream()
                .filter(c -> period.contains(c.closing().decidedAt(), now, zone)).toList();

        VerdictCounts totals = VerdictCounts.NONE;
        Map<String, VerdictCounts> byReviewer = new LinkedHashMap<>();
        for (RecordRow row : inPeriod) {
            totals = totals.plus(row.verdict());
            byReviewer.merge(row.reviewer(), VerdictCounts.NONE.plus(row.verdict()),
                    (a, b) -> a.plus(row.verdict()));
        }
        List<ReviewerCount> reviewers = new ArrayList<>();
        byReviewer.forEach((name, counts) -> reviewers.add(new ReviewerCount(name, counts)));
        reviewers.sort(Comparator.comparingInt((ReviewerCount r) -> r.counts().total()).reversed()
                .thenComparing(ReviewerCount::reviewer));

        int approved = (int) closed.stream().filter(Closure::approved).count();
        int automatic = (int) closed.stream().filter(Closure::automatic).count();

        return new OversightFigures(now, period, inPeriod.size(), timeToDecision(closed), totals,
                TimeBuckets.series(inPeriod, now, period, zone), new AutoApproval(automatic, approved),
                OpenExceptions.of(all, now), reviewers);
    }

    static TimeToDecision timeToDecision(List<Closure> closed) {
        List<Duration> times = closed.stream().map(Closure::timeToDecision)
                .filter(t -> t != null).sorted().toList();
        int[] counts = new int[BIN_BOUNDS.size()];
        for (Duration t : times) {
            int bin = 0;
            while (bin + 1 < BIN_BOUNDS.size() && t.compareTo(BIN_BOUNDS.get(bin + 1)) >= 0) {
                bin++;
            }
            counts[bin]++;
        }
        List<Bin> bins = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            bins.add(new Bin(BIN_BOUNDS.get(i), i + 1 < BIN_BOUNDS.size() ? BIN_BOUNDS.get(i + 1) : null, counts[i]));
        }
        return new TimeToDecision(times.size(), median(times), percentile(times, 90), bins);
    }

    /** The middle of sorted values; the mean of the two middle ones for an even count; null for none. */
    static Duration median(List<Duration> sorted) {
        int n = sorted.size();
        if (n == 0) {
            return null;
        }
        if (n % 2 == 1) {
            return sorted.get(n / 2);
        }
        return sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
    }

    /** The nearest-rank percentile of sorted values: the value at rank ⌈p/100 · n⌉; null for none. */
    static Duration percentile(List<Duration> sorted, int p) {
        int n = sorted.size();
        if (n == 0) {
            return null;
        }
        int rank = (p * n + 99) / 100; // ⌈p·n/100⌉ in integers
        return sorted.get(Math.max(1, rank) - 1);
    }
}
