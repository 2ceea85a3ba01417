package dev.countersign.app.bundle;

import dev.countersign.app.BuildInfo;
import dev.countersign.app.common.Chips;
import dev.countersign.app.common.Messages;
import dev.countersign.app.common.TimeTexts;
import dev.countersign.app.records.RecordTexts;
import dev.countersign.app.records.RecordsView;
import dev.countersign.app.records.RecordsViewModel;
import dev.countersign.app.report.ReportActions;
import dev.countersign.app.report.ReportFacts;
import java.time.Clock;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * Equips a bundle opener the same way in the console and in auditor mode: each bundle's records in the read-only
 * records view, and the two PDF reports.
 */
public final class BundleWiring {
    private BundleWiring() {}

    public static void equip(BundleOpener opener, Messages messages, Clock clock, Chips chips,
            ReportActions reports, Supplier<Window> owner) {
        TimeTexts time = new TimeTexts(messages, clock.getZone());
        RecordTexts texts = new RecordTexts(messages, time, clock.getZone());
        // no banner: the window says where the records come from; it offers the decision report itself
        opener.setRecordsView(rows -> new RecordsView(RecordsViewModel.readOnly(rows, clock, null, null), texts,
                chips));
        opener.setDecisionReport(row -> reports.saveDecision(owner.get(), row, facts(clock)));
        opener.setSummaryReport(report -> reports.saveBundleSummary(owner.get(), report));
    }

    private static ReportFacts facts(Clock clock) {
        return ReportFacts.of(clock.instant(), BuildInfo.consoleVersion(), null);
    }
}
