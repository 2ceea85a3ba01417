package dev.countersign.app.oversight;

import static dev.countersign.app.records.TestRows.NOW;
import static dev.countersign.app.records.TestRows.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.app.oversight.OversightFigures.OpenException;
import dev.countersign.app.oversight.OversightFigures.ReviewerCount;
import dev.countersign.app.oversight.OversightFigures.VerdictCounts;
import dev.countersign.app.records.RecordPeriod;
import dev.countersign.app.records.RecordRow;
import dev.countersign.model.ActionType;
import dev.countersign.model.ReasonCode;
import dev.countersign.model.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The oversight figures from hand-made records: every definition pinned down by a small case. */
class OversightFiguresTest {
    private static final RecordPeriod ALL = RecordPeriod.ALL;

    private static Instant ago(Duration d) {
        return NOW.minus(d);
    }

    /** A proposal made {@code minutes} before its single approval, decided a day ago. */
    private static RecordRow decidedIn(String id, long minutes) {
        Instant decided = ago(Duration.ofDays(1));
        return row("rec-" + id, "prp-" + id).proposedAt(decided.minus(Duration.ofMinutes(minutes)))
                .decidedAt(decided).build();
    }

    @Test
    void medianIsTheMeanOfTheTwoMiddleValuesAndP90TheNearestRank() {
        List<RecordRow> rows = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            rows.add(decidedIn(String.valueOf(i), i));
        }
        OversightFigures.TimeToDecision t = OversightFigures.compute(rows, NOW, ALL).timeToDecision();
        assertEquals(10, t.count());
        assertEquals(Duration.ofSeconds(330), t.median(), "(5 min + 6 min) / 2");
        assertEquals(Duration.ofMinutes(9), t.p90(), "rank ⌈0.9 · 10⌉ = 9");

        rows.add(decidedIn("11", 600));
        t = OversightFigures.compute(rows, NOW, ALL).timeToDecision();
        assertEquals(Duration.ofMinutes(6), t.median(), "odd count: the middle value");
        assertEquals(Duration.ofMinutes(10), t.p90(), "rank ⌈0.9 · 11⌉ = 10");

        OversightFigures.TimeToDecision one = OversightFigures.compute(List.of(decidedIn("x", 42)), NOW, ALL)
                .timeToDecision();
        assertEquals(Duration.ofMinutes(42), one.median());
        assertEquals(Duration.ofMinutes(42), one.p90());

        OversightFigures.TimeToDecision none = OversightFigures.compute(List.of(), NOW, ALL).timeToDecision();
        assertEquals(0, none.count());
        assertNull(none.median());
        assertNull(none.p90());
    }

    @Test
    void theHistogramPutsEachTimeInItsBin() {
        List<RecordRow> rows = List.of(decidedIn("a", 1), decidedIn("b", 4), decidedIn("c", 5), decidedIn("d", 30),
                decidedIn("e", 90), decidedIn("f", 5 * 60), decidedIn("g", 24 * 60), decidedIn("h", 3 * 24 * 60));
        List<OversightFigures.Bin> bins = OversightFigures.compute(rows, NOW, ALL).timeToDecision().histogram();
        assertEquals(List.of(2, 1, 1, 1, 1, 2), bins.stream().map(OversightFigures.Bin::count).toList());
        assertEquals(Duration.ofMinutes(5), bins.get(1).from());
        assertNull(bins.get(5).to());
    }

    @Test
    void theRecordThatClosesAProposalIsADenialOrTheApprovalThatCompletesThoseRequired() {
        Instant proposed = ago(Duration.ofHours(10));
        List<RecordRow> rows = List.of(
                // two approvals required: the first does not close, the same reviewer again does not either
                row("r1", "two").proposedAt(proposed).required(2).decidedAt(proposed.plus(Duration.ofMinutes(10)))
                        .build(),
                row("r2", "two").proposedAt(proposed).required(2).decidedAt(proposed.plus(Duration.ofMinutes(20)))
                        .build(),
                row("r3", "two").proposedAt(proposed).required(2).verdict(Verdict.ESCALATE)
                        .reviewer("lead@northwind.example").decidedAt(proposed.plus(Duration.ofMinutes(30))).build(),
                row("r4", "two").proposedAt(proposed).required(2).reviewer("li.wei@northwind.example")
                        .decidedAt(proposed.plus(Duration.ofMinutes(50))).build(),
                // one approval, then a denial: the denial closes
                row("r5", "denied").proposedAt(proposed).required(2).decidedAt(proposed.plus(Duration.ofMinutes(5)))
                        .build(),
                row("r6", "denied").proposedAt(proposed).required(2).verdict(Verdict.DENY)
                        .reviewer("li.wei@northwind.example").decidedAt(proposed.plus(Duration.ofMinutes(15))).build(),
                // only escalated: still open, no time
                row("r7", "open").proposedAt(proposed).verdict(Verdict.ESCALATE).build(),
                // a second version needs approvals of its own
                row("r8", "v2").proposedAt(proposed).required(2).version(1)
                        .decidedAt(proposed.plus(Duration.ofMinutes(1))).build(),
                row("r9", "v2").proposedAt(proposed).required(2).version(2).reviewer("li.wei@northwind.example")
                        .decidedAt(proposed.plus(Duration.ofMinutes(2))).build());
        List<Closure> closures = Closure.of(rows);
        assertEquals(List.of("two:r4", "denied:r6"), closures.stream()
                .map(c -> c.proposalId() + ":" + c.closing().recordId()).toList());
        OversightFigures f = OversightFigures.compute(rows, NOW, ALL);
        assertEquals(2, f.timeToDecision().count());
        assertEquals(Duration.ofMinutes(50), f.timeToDecision().p90());
        assertEquals(Duration.ofSeconds(((50 + 15) * 60) / 2), f.timeToDecision().median());
        assertEquals(new VerdictCounts(6, 1, 2), f.totals(), "every record counts in the verdict totals");
        assertEquals(9, f.records());
    }

    @Test
    void aProposalNotHeldClosesButHasNoTime() {
        RecordRow held = decidedIn("a", 10);
        RecordRow notHeld = row("rec-b", "prp-b").decidedAt(ago(Duration.ofHours(1))).notHeld().build();
        OversightFigures f = OversightFigures.compute(List.of(held, notHeld), NOW, ALL);
        assertEquals(1, f.timeToDecision().count());
        assertEquals(2, f.automatic().approved());
    }

    @Test
    void theShareApprovedAutomaticallyCountsProposalsApprovedByPolicyAlone() {
        List<RecordRow> rows = List.of(
                row("a", "p-a").automatic().build(),
                row("b", "p-b").automatic().build(),
                row("c", "p-c").build(),
                row("d", "p-d").verdict(Verdict.DENY).build(),
                // signed by the gateway's reviewer name but for another reason: not automatic
                row("e", "p-e").reviewer("gateway:policy").reason(ReasonCode.OTHER, "Manual override.").build());
        OversightFigures.AutoApproval auto = OversightFigures.compute(rows, NOW, ALL).automatic();
        assertEquals(2, auto.automatic());
        assertEquals(4, auto.approved());
        assertEquals(0.5, auto.share(), 1e-9);
        assertEquals(0, OversightFigures.compute(List.of(), NOW, ALL).automatic().share(), 1e-9);
    }

    @Test
    void openExceptionsEndAtTheApprovalsWindowElseTheRequestedNotAfterElseNever() {
        Instant approved = ago(Duration.ofDays(3));
        ActionType ex = ActionType.GRANT_TEMPORARY_EXCEPTION;
        List<RecordRow> rows = List.of(
                // the window ends tomorrow, though the proposal asked for less: the window rules
                row("w", "p-window").action(ex).decidedAt(approved).window(approved, NOW.plus(Duration.ofDays(1)))
                        .after("{\"exception\":{\"notAfter\":\"2026-11-29T00:00:00Z\"}}").build(),
                // the window ended an hour ago
                row("w-ended", "p-window-ended").action(ex).decidedAt(approved)
                        .window(approved, NOW.minus(Duration.ofHours(1))).build(),
                // no window: the latest notAfter requested, nested anywhere
                row("n", "p-notafter").action(ex).decidedAt(ago(Duration.ofDays(10)))
                        .after("{\"exceptions\":[{\"notAfter\":\"2026-12-01T13:00:00Z\"},"
                                + "{\"notAfter\":\"2026-12-05T00:00:00Z\"},{\"notAfter\":\"not a time\"}]}").build(),
                row("n-ended", "p-notafter-ended").action(ex).decidedAt(approved)
                        .after("{\"notAfter\":\"2026-12-01T11:59:59Z\"}").build(),
                // nothing says when it ends: open
                row("none", "p-none").action(ex).decidedAt(ago(Duration.ofHours(5))).after("{\"cidr\":\"10.0.0.0/8\"}")
                        .build(),
                // denied, or approved once of two required: not granted
                row("d", "p-denied").action(ex).verdict(Verdict.DENY).build(),
                row("half", "p-half").action(ex).required(2).build(),
                // another action with an end in the future: not an exception
                row("other", "p-other").window(approved, NOW.plus(Duration.ofDays(1))).build());
        // a period that leaves out every approval: open exceptions are counted as of now regardless
        List<OpenException> open = OversightFigures.compute(rows, NOW,
                RecordPeriod.last(RecordPeriod.Preset.LAST_24_HOURS)).openExceptions();
        assertEquals(List.of("n", "w", "none"), open.stream().map(e -> e.approval().recordId()).toList(),
                "oldest approval first");
        assertEquals(Instant.parse("2026-12-05T00:00:00Z"), open.get(0).end());
        assertEquals(Duration.ofDays(10), open.get(0).age());
        assertEquals(NOW.plus(Duration.ofDays(1)), open.get(1).end());
        assertEquals(Duration.ofDays(3), open.get(1).age());
        assertNull(open.get(2).end());
        assertEquals(Duration.ofHours(5), open.get(2).age());
    }

    @Test
    void decisionsPerReviewerAreCountedByVerdictMostFirst() {
        List<RecordRow> rows = List.of(
                row("1", "p1").reviewer("b@x").build(),
                row("2", "p2").reviewer("b@x").verdict(Verdict.DENY).build(),
                row("3", "p3").reviewer("a@x").verdict(Verdict.ESCALATE).build(),
                row("4", "p4").reviewer("c@x").build(),
                row("5", "p5").reviewer("c@x").build(),
                row("6", "p6").reviewer("c@x").decidedAt(ago(Duration.ofDays(40))).build());
        List<ReviewerCount> all = OversightFigures.compute(rows, NOW, ALL).reviewers();
        assertEquals(List.of(new ReviewerCount("c@x", new VerdictCounts(3, 0, 0)),
                new ReviewerCount("b@x", new VerdictCounts(1, 1, 0)),
                new ReviewerCount("a@x", new VerdictCounts(0, 0, 1))), all);
        List<ReviewerCount> month = OversightFigures.compute(rows, NOW,
                RecordPeriod.last(RecordPeriod.Preset.LAST_30_DAYS)).reviewers();
        assertEquals(List.of("b@x", "c@x", "a@x"), month.stream().map(ReviewerCount::reviewer).toList(),
                "ties by name");
    }

    @Test
    void thePeriodCountsAProposalWhereItsClosingRecordFalls() {
        Instant proposed = ago(Duration.ofDays(3));
        List<RecordRow> rows = List.of(
                row("a1", "p").proposedAt(proposed).required(2).decidedAt(ago(Duration.ofDays(2))).build(),
                row("a2", "p").proposedAt(proposed).required(2).reviewer("li.wei@northwind.example")
                        .decidedAt(ago(Duration.ofHours(3))).build());
        OversightFigures day = OversightFigures.compute(rows, NOW, RecordPeriod.last(RecordPeriod.Preset.LAST_24_HOURS));
        assertEquals(1, day.timeToDecision().count());
        assertEquals(Duration.ofDays(3).minus(Duration.ofHours(3)), day.timeToDecision().median());
        assertEquals(1, day.records(), "only a2 was decided in the last 24 hours");
        assertEquals(new VerdictCounts(1, 0, 0), day.totals());
        OversightFigures earlier = OversightFigures.compute(rows, NOW, RecordPeriod.dates(null,
                java.time.LocalDate.parse("2026-11-30")));
        assertEquals(0, earlier.timeToDecision().count(), "closed after that period");
        assertEquals(1, earlier.records());
    }

    @Test
    void verdictsOverTimeHaveABucketForEveryHourOrDayOfThePeriod() {
        List<RecordRow> rows = List.of(
                row("1", "p1").decidedAt(Instant.parse("2026-12-01T09:15:00Z")).build(),
                row("2", "p2").decidedAt(Instant.parse("2026-12-01T09:45:00Z")).verdict(Verdict.DENY).build(),
                row("3", "p3").decidedAt(Instant.parse("2026-11-28T10:00:00Z")).verdict(Verdict.ESCALATE).build());
        OversightFigures.VerdictSeries hours = OversightFigures.compute(rows, NOW,
                RecordPeriod.last(RecordPeriod.Preset.LAST_24_HOURS)).series();
        assertEquals(TimeBuckets.Size.HOUR, hours.size());
        assertEquals(25, hours.buckets().size(), "12:00 yesterday to 12:00 today, both hours");
        OversightFigures.Bucket nine = hours.buckets().stream()
                .filter(b -> b.start().equals(Instant.parse("2026-12-01T09:00:00Z"))).findFirst().orElseThrow();
        assertEquals(new VerdictCounts(1, 1, 0), nine.counts());

        OversightFigures.VerdictSeries days = OversightFigures.compute(rows, NOW,
                RecordPeriod.last(RecordPeriod.Preset.LAST_7_DAYS)).series();
        assertEquals(TimeBuckets.Size.DAY, days.size());
        assertEquals(8, days.buckets().size());
        assertEquals(Instant.parse("2026-11-24T00:00:00Z"), days.buckets().get(0).start());
        assertEquals(new VerdictCounts(0, 0, 1), days.buckets().get(4).counts());
        assertEquals(new VerdictCounts(1, 1, 0), days.buckets().get(7).counts());
        assertTrue(days.buckets().stream().limit(4).allMatch(b -> b.counts().total() == 0));

        RecordRow old = row("0", "p0").decidedAt(Instant.parse("2026-06-03T10:00:00Z")).build();
        OversightFigures.VerdictSeries weeks = OversightFigures.compute(List.of(old, rows.get(0)), NOW, ALL)
                .series();
        assertEquals(TimeBuckets.Size.WEEK, weeks.size());
        assertEquals(Instant.parse("2026-06-01T00:00:00Z"), weeks.buckets().get(0).start(), "weeks start Monday");
        assertEquals(1, weeks.buckets().get(weeks.buckets().size() - 1).counts().approvals());
    }
}
