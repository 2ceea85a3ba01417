package dev.countersign.app.records;

import static dev.countersign.app.records.TestRows.NOW;
import static dev.countersign.app.records.TestRows.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.app.common.Messages;
import dev.countersign.app.common.SyncTaskRunner;
import dev.countersign.app.common.UserErrors;
import dev.countersign.model.ActionType;
import dev.countersign.model.RiskTier;
import dev.countersign.model.Verdict;
import dev.countersign.model.bundle.Evidence;
import dev.countersign.model.bundle.EvidenceItem;
import dev.countersign.model.bundle.EvidenceResult;
import dev.countersign.model.bundle.RecordCheck.State;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The records view model without a window: loading, filters, search, period, counts, selection and the actions. */
class RecordsViewModelTest {
    private final Messages messages = Messages.load(Locale.ENGLISH);
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final SyncTaskRunner runner = new SyncTaskRunner();
    private final List<List<RecordRow>> exported = new ArrayList<>();
    private final List<RecordRow> reported = new ArrayList<>();

    /** Six records over 40 days: reviewers, agents, actions, environments, tiers, verdicts and policies vary. */
    static List<RecordRow> sample() {
        return List.of(
                row("rec-1", "prp-1").decidedAt(NOW.minus(Duration.ofHours(2))).logIndex(10).build(),
                row("rec-2", "prp-2").decidedAt(NOW.minus(Duration.ofHours(30))).verdict(Verdict.DENY)
                        .reviewer("li.wei@northwind.example").reason(dev.countersign.model.ReasonCode.NO_FAILOVER,
                                "Settlement batch has no failover.")
                        .environment("staging").tier(RiskTier.CRITICAL).target("svc-ledger").logIndex(9).build(),
                row("rec-3", "prp-3").decidedAt(NOW.minus(Duration.ofDays(5))).automatic().tier(RiskTier.LOW)
                        .action(ActionType.REVOKE_KEY).agent("spiffe://northwind.example/agents/key-janitor")
                        .logIndex(8).build(),
                row("rec-4", "prp-4").decidedAt(NOW.minus(Duration.ofDays(20))).verdict(Verdict.ESCALATE)
                        .policyVersion("2026.10.4").states(State.FAILED, State.OK, State.OK)
                        .finding("records/rec-4.dsse.json", "signature does not verify").logIndex(7).build(),
                row("rec-5", "prp-5").decidedAt(NOW.minus(Duration.ofDays(40))).policyVersion("2026.10.4")
                        .states(State.OK, State.UNKNOWN, State.FAILED).logIndex(6).build(),
                row("rec-6", "prp-6").decidedAt(NOW.minus(Duration.ofDays(3))).notHeld().logIndex(5).build());
    }

    private RecordsViewModel live(List<RecordRow> rows) {
        RecordsViewModel vm = RecordsViewModel.live(runner, clock, () -> rows, new UserErrors(messages),
                new RecordsViewModel.Actions(exported::add, reported::add));
        vm.reload();
        return vm;
    }

    private static List<String> ids(List<RecordRow> rows) {
        return rows.stream().map(RecordRow::recordId).toList();
    }

    @Test
    void loadsInTheBackgroundNewestFirstWithTheChoicesTheRowsHold() {
        RecordsViewModel vm = live(sample());
        assertEquals(List.of("read decision records"), runner.taskNames());
        assertEquals(List.of("rec-1", "rec-2", "rec-6", "rec-3", "rec-4", "rec-5"), ids(vm.visibleRows()));
        assertEquals(List.of("amara.okafor@northwind.example", "gateway:policy", "li.wei@northwind.example"),
                vm.reviewers());
        assertEquals(List.of("prod", "staging"), vm.environments());
        assertEquals(List.of(new PolicyVersion("northwind-nhi-change-policy", "2026.10.4"),
                new PolicyVersion("northwind-nhi-change-policy", "2026.11.1")), vm.policies());
        assertEquals(2, vm.totalFailedProperty().get());
        assertEquals(2, vm.shownFailedProperty().get());
        assertFalse(vm.filtered());
        assertEquals(NOW, vm.loadedAtProperty().get());
    }

    @Test
    void eachFilterNarrowsAndTheCountsFollow() {
        RecordsViewModel vm = live(sample());
        RecordsFilter all = RecordsFilter.ALL;
        vm.filterProperty().set(all.withReviewers(List.of("li.wei@northwind.example")));
        assertEquals(List.of("rec-2"), ids(vm.visibleRows()));
        assertTrue(vm.filtered());
        vm.filterProperty().set(all.withAgents(List.of("spiffe://northwind.example/agents/key-janitor")));
        assertEquals(List.of("rec-3"), ids(vm.visibleRows()));
        vm.filterProperty().set(all.withActions(List.of(ActionType.REVOKE_KEY)));
        assertEquals(List.of("rec-3"), ids(vm.visibleRows()));
        vm.filterProperty().set(all.withEnvironments(List.of("staging")));
        assertEquals(List.of("rec-2"), ids(vm.visibleRows()));
        vm.filterProperty().set(all.withTiers(List.of(RiskTier.LOW, RiskTier.CRITICAL)));
        assertEquals(List.of("rec-2", "rec-3"), ids(vm.visibleRows()));
        vm.filterProperty().set(all.withVerdicts(List.of(Verdict.ESCALATE, Verdict.DENY)));
        assertEquals(List.of("rec-2", "rec-4"), ids(vm.visibleRows()));
        vm.filterProperty().set(all.withPolicies(List.of(new PolicyVersion("northwind-nhi-change-policy",
                "2026.10.4"))));
        assertEquals(List.of("rec-4", "rec-5"), ids(vm.visibleRows()));
        assertEquals(2, vm.shownFailedProperty().get());
        vm.filterProperty().set(all.withFailedOnly(true));
        assertEquals(List.of("rec-4", "rec-5"), ids(vm.visibleRows()));
        // choices combine: prod and high tier and approvals
        vm.filterProperty().set(all.withEnvironments(List.of("prod")).withTiers(List.of(RiskTier.HIGH))
                .withVerdicts(List.of(Verdict.APPROVE)));
        assertEquals(List.of("rec-1", "rec-5"), ids(vm.visibleRows()));
        assertEquals(1, vm.shownFailedProperty().get());
        assertEquals(2, vm.totalFailedProperty().get());
        vm.filterProperty().set(null);
        assertEquals(6, vm.visibleRows().size());
    }

    @Test
    void aRowWhoseProposalIsNotHeldPassesOnlyWhileItsChoiceIsOpen() {
        RecordsViewModel vm = live(sample());
        vm.filterProperty().set(RecordsFilter.ALL.withActions(List.of(ActionType.ROTATE_CREDENTIAL)));
        assertFalse(ids(vm.visibleRows()).contains("rec-6"));
        vm.filterProperty().set(RecordsFilter.ALL.withReviewers(List.of("amara.okafor@northwind.example")));
        assertTrue(ids(vm.visibleRows()).contains("rec-6"), "the reviewer is on the record itself");
    }

    @Test
    void searchFindsEveryWordInIdsTargetReasonAndReviewerIgnoringCase() {
        RecordsViewModel vm = live(sample());
        vm.searchProperty().set("REC-4");
        assertEquals(List.of("rec-4"), ids(vm.visibleRows()));
        vm.searchProperty().set("prp-3");
        assertEquals(List.of("rec-3"), ids(vm.visibleRows()));
        vm.searchProperty().set("svc-ledger");
        assertEquals(List.of("rec-2"), ids(vm.visibleRows()));
        vm.searchProperty().set("no failover");
        assertEquals(List.of("rec-2"), ids(vm.visibleRows()), "every word must be found");
        vm.searchProperty().set("li.wei");
        assertEquals(List.of("rec-2"), ids(vm.visibleRows()));
        vm.searchProperty().set("key-janitor revoke_key");
        assertEquals(List.of("rec-3"), ids(vm.visibleRows()));
        vm.searchProperty().set("2026.10.4");
        assertEquals(List.of("rec-4", "rec-5"), ids(vm.visibleRows()));
        vm.searchProperty().set("nothing-like-this");
        assertEquals(List.of(), ids(vm.visibleRows()));
        assertEquals(0, vm.shownFailedProperty().get());
        vm.searchProperty().set("   ");
        assertEquals(6, vm.visibleRows().size());
        assertFalse(vm.filtered());
    }

    @Test
    void thePeriodPresetsAndDatesCountByTheDecisionsTime() {
        RecordsViewModel vm = live(sample());
        vm.periodProperty().set(RecordPeriod.last(RecordPeriod.Preset.LAST_24_HOURS));
        assertEquals(List.of("rec-1"), ids(vm.visibleRows()));
        vm.periodProperty().set(RecordPeriod.last(RecordPeriod.Preset.LAST_7_DAYS));
        assertEquals(List.of("rec-1", "rec-2", "rec-6", "rec-3"), ids(vm.visibleRows()));
        vm.periodProperty().set(RecordPeriod.last(RecordPeriod.Preset.LAST_30_DAYS));
        assertEquals(5, vm.visibleRows().size());
        assertEquals(1, vm.shownFailedProperty().get());
        vm.periodProperty().set(RecordPeriod.last(RecordPeriod.Preset.ALL));
        assertEquals(6, vm.visibleRows().size());
        // 2026-11-26 (rec-3, five days ago) to 2026-11-30 (rec-2, 30 h ago), both days included
        vm.periodProperty().set(RecordPeriod.dates(LocalDate.parse("2026-11-26"), LocalDate.parse("2026-11-30")));
        assertEquals(List.of("rec-2", "rec-6", "rec-3"), ids(vm.visibleRows()));
        vm.periodProperty().set(RecordPeriod.dates(null, LocalDate.parse("2026-11-11")));
        assertEquals(List.of("rec-4", "rec-5"), ids(vm.visibleRows()));
        vm.periodProperty().set(RecordPeriod.dates(LocalDate.parse("2026-12-01"), null));
        assertEquals(List.of("rec-1"), ids(vm.visibleRows()));
        vm.periodProperty().set(RecordPeriod.dates(null, null));
        assertEquals(6, vm.visibleRows().size());
        assertThrows(IllegalArgumentException.class,
                () -> RecordPeriod.dates(LocalDate.parse("2026-12-02"), LocalDate.parse("2026-12-01")));
    }

    @Test
    void theSearchFiltersAndPeriodCombine() {
        RecordsViewModel vm = live(sample());
        vm.periodProperty().set(RecordPeriod.last(RecordPeriod.Preset.LAST_30_DAYS));
        vm.filterProperty().set(RecordsFilter.ALL.withEnvironments(List.of("prod")));
        vm.searchProperty().set("amara");
        assertEquals(List.of("rec-1", "rec-4"), ids(vm.visibleRows()), "rec-6's environment is not held");
    }

    @Test
    void exportTakesTheSelectionOrEverythingShownAndTheReportOneRow() {
        RecordsViewModel vm = live(sample());
        vm.filterProperty().set(RecordsFilter.ALL.withVerdicts(List.of(Verdict.APPROVE)));
        assertTrue(vm.canExportProperty().get());
        assertFalse(vm.canReportProperty().get());
        vm.exportBundle();
        assertEquals(List.of("rec-1", "rec-6", "rec-3", "rec-5"), ids(exported.get(0)));
        vm.selectedRows().setAll(vm.visibleRows().get(0), vm.visibleRows().get(2));
        assertNull(vm.selectedProperty().get(), "two rows selected: no single row");
        assertFalse(vm.canReportProperty().get());
        vm.exportBundle();
        assertEquals(List.of("rec-1", "rec-3"), ids(exported.get(1)));
        vm.selectedRows().setAll(vm.visibleRows().get(1));
        assertTrue(vm.canReportProperty().get());
        vm.decisionReport();
        assertEquals(List.of("rec-6"), ids(reported));
        // a filter that hides the selected row drops it from the selection
        vm.filterProperty().set(RecordsFilter.ALL.withVerdicts(List.of(Verdict.DENY)));
        assertEquals(List.of(), vm.selectedRows());
        vm.searchProperty().set("nothing-like-this");
        assertFalse(vm.canExportProperty().get());
        vm.exportBundle();
        assertEquals(2, exported.size(), "nothing to export: the handler is not called");
    }

    @Test
    void aReloadKeepsTheSelectionAndAFailedOneKeepsTheRowsAndSaysWhy() {
        List<RecordRow> rows = new ArrayList<>(sample());
        boolean[] fail = {false};
        RecordsViewModel vm = RecordsViewModel.live(runner, clock, () -> {
            if (fail[0]) {
                throw new IOException("cache unreadable");
            }
            return List.copyOf(rows);
        }, new UserErrors(messages), RecordsViewModel.Actions.NONE);
        vm.reload();
        vm.selectedRows().setAll(vm.visibleRows().get(1));
        rows.add(row("rec-7", "prp-7").decidedAt(NOW.minus(Duration.ofMinutes(5))).logIndex(11).build());
        vm.reload();
        assertEquals(7, vm.rows().size());
        assertEquals("rec-7", vm.visibleRows().get(0).recordId());
        assertEquals("rec-2", vm.selectedProperty().get().recordId(), "the selection follows the record id");
        fail[0] = true;
        vm.reload();
        assertEquals(7, vm.rows().size(), "a failed read loses nothing");
        assertTrue(vm.loadErrorProperty().get().contains("IOException"), vm.loadErrorProperty().get());
        assertFalse(vm.loadingProperty().get());
        fail[0] = false;
        vm.reload();
        assertNull(vm.loadErrorProperty().get());
        assertFalse(vm.offersExport());
        assertFalse(vm.canExportProperty().get());
    }

    @Test
    void recordsFromABundleAreReadOnlyWithTheCallersBanner() {
        RecordsViewModel vm = RecordsViewModel.readOnly(sample(), clock, "Opened from audit.csbundle", reported::add);
        assertTrue(vm.readOnly());
        assertFalse(vm.offersExport());
        assertTrue(vm.offersReport());
        assertEquals("Opened from audit.csbundle", vm.banner());
        assertEquals(6, vm.visibleRows().size());
        vm.reload();
        assertEquals(List.of(), runner.taskNames(), "nothing to read again");
        vm.filterProperty().set(RecordsFilter.ALL.withFailedOnly(true));
        assertEquals(Set.of("rec-4", "rec-5"), Set.copyOf(ids(vm.visibleRows())));
    }

    @Test
    void evidenceRowsPairEachItemWithItsOwnCheck() {
        List<RecordRow> rows = sample();
        Evidence evidence = new Evidence(rows.stream().map(r -> new EvidenceItem(r.record(), r.proposal(),
                r.context())).toList(), List.of(), null, null, List.of());
        // the checks of rec-1 and rec-2 swapped: neither is shown against the other record
        List<dev.countersign.model.bundle.RecordCheck> checks = new ArrayList<>(rows.stream()
                .map(RecordRow::check).toList());
        checks.set(0, rows.get(1).check());
        checks.set(1, rows.get(0).check());
        checks.remove(checks.size() - 1);
        List<RecordRow> paired = EvidenceRows.from(evidence, new EvidenceResult(null, null, checks, List.of()));
        assertEquals(ids(rows), ids(paired));
        assertNull(paired.get(0).check());
        assertNull(paired.get(1).check());
        assertEquals(State.UNKNOWN, paired.get(0).signature());
        assertEquals(rows.get(3).check(), paired.get(3).check());
        assertNull(paired.get(5).check(), "no check given for the last item");
        assertEquals(rows.get(2).proposal(), paired.get(2).proposal());
    }
}
