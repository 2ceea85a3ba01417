package dev.countersign.app.oversight;

import static dev.countersign.app.records.TestRows.NOW;
import static dev.countersign.app.records.TestRows.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.countersign.app.common.Messages;
import dev.countersign.app.common.SyncTaskRunner;
import dev.countersign.app.common.TimeTexts;
import dev.countersign.app.common.UserErrors;
import dev.countersign.app.records.RecordPeriod;
import dev.countersign.app.records.RecordRow;
import dev.countersign.app.records.RecordsViewModel;
import dev.countersign.model.ActionType;
import dev.countersign.model.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The oversight view model follows the records and the shared period, and says each figure in words. */
class OversightViewModelTest {
    private final Messages messages = Messages.load(Locale.ENGLISH);
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void sumsUpEachFigureAndFollowsTheRecordsAndTheirPeriod() {
        List<RecordRow> rows = new ArrayList<>(List.of(
                row("1", "p1").proposedAt(NOW.minus(Duration.ofMinutes(74))).decidedAt(NOW.minus(Duration.ofMinutes(60)))
                        .build(),
                row("2", "p2").proposedAt(NOW.minus(Duration.ofHours(3))).decidedAt(NOW.minus(Duration.ofMinutes(57)))
                        .verdict(Verdict.DENY).reviewer("li.wei@northwind.example").build(),
                row("3", "p3").automatic().proposedAt(NOW.minus(Duration.ofDays(3)))
                        .decidedAt(NOW.minus(Duration.ofDays(3))).build(),
                row("4", "p4").action(ActionType.GRANT_TEMPORARY_EXCEPTION).decidedAt(NOW.minus(Duration.ofHours(50)))
                        .proposedAt(NOW.minus(Duration.ofHours(51))).build()));
        RecordsViewModel records = RecordsViewModel.live(new SyncTaskRunner(), clock, () -> rows,
                new UserErrors(messages), RecordsViewModel.Actions.NONE);
        OversightViewModel vm = new OversightViewModel(records, clock,
                new OversightTexts(messages, new TimeTexts(messages, ZoneOffset.UTC), ZoneOffset.UTC));
        assertEquals("No proposal was decided in this period.", vm.timeSummaryProperty().get());
        records.reload();
        assertEquals("Median 37m, p90 2h 3m, over 4 decided proposals.", vm.timeSummaryProperty().get());
        assertEquals("3 approvals, 1 denial, no escalations.", vm.verdictSummaryProperty().get());
        assertEquals("1 of 3 approved proposals were approved automatically by policy (33%).",
                vm.autoSummaryProperty().get());
        assertEquals("1 open; the oldest was approved 2d 2h ago; 1 has no end.",
                vm.exceptionSummaryProperty().get());
        assertEquals("Most decisions: amara.okafor@northwind.example (2); 3 reviewers in all.",
                vm.reviewerSummaryProperty().get());

        records.periodProperty().set(RecordPeriod.last(RecordPeriod.Preset.LAST_24_HOURS));
        assertEquals("Median 1h 8m, p90 2h 3m, over 2 decided proposals.", vm.timeSummaryProperty().get());
        assertEquals("0 of 1 approved proposal was approved automatically by policy (0%).",
                vm.autoSummaryProperty().get());
        assertEquals(vm.periodProperty().get(), records.periodProperty().get(), "one period for both");
        vm.periodProperty().set(RecordPeriod.ALL);
        assertEquals(RecordPeriod.ALL, records.periodProperty().get());
        assertEquals(4, vm.figuresProperty().get().records());
    }
}
