package dev.countersign.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.app.common.Alerts;
import dev.countersign.app.common.Messages;
import dev.countersign.app.common.SyncTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportActionsTest {
    private static final Messages MESSAGES = Messages.load(Locale.ENGLISH);

    @TempDir
    Path dir;

    private final ReportFixtures fixtures = new ReportFixtures();
    private final DecisionReportPdf writer = new DecisionReportPdf(MESSAGES,
            Clock.fixed(ReportFixtures.GENERATED, ZoneOffset.UTC), "countersign-console/0.1.0");
    private final List<String> shown = new ArrayList<>();
    private final List<String> suggested = new ArrayList<>();
    private final Alerts alerts = new Alerts() {
        @Override
        public void showError(String title, String message, String details) {
            shown.add("error: " + title + ": " + message);
        }

        @Override
        public void showInfo(String title, String message, String copyable) {
            shown.add("info: " + title + ": " + message);
        }

        @Override
        public void confirm(String title, String message, String confirmLabel, Runnable onConfirm,
                Runnable onDecline) {
            throw new AssertionError("nothing to confirm");
        }
    };

    private ReportActions actions(Path answer) {
        return new ReportActions(writer, new SyncTaskRunner(), alerts, MESSAGES, (owner, name) -> {
            suggested.add(name);
            return Optional.ofNullable(answer);
        });
    }

    @Test
    void savesTheReportWhereTheUserChoseAndSaysSo() {
        Path target = dir.resolve("chosen.pdf");
        actions(target).saveDecision(null, fixtures.demoRow(), fixtures.facts());
        assertTrue(Files.isRegularFile(target));
        assertEquals(List.of("decision-rec_sample_0001_1187.pdf"), suggested);
        assertEquals(List.of("info: Report saved: The report was saved to " + target + "."), shown);
    }

    @Test
    void aBundleSummaryIsOfferedUnderTheBundlesName() {
        Path target = dir.resolve("s.pdf");
        actions(target).saveBundleSummary(null, fixtures.bundle(3));
        assertTrue(Files.isRegularFile(target));
        assertEquals(List.of("northwind-q4-payments-summary.pdf"), suggested);
    }

    @Test
    void cancellingWritesNothingAndSaysNothing() throws Exception {
        actions(null).saveDecision(null, fixtures.demoRow(), fixtures.facts());
        assertEquals(List.of(), shown);
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void aFailureIsShownInPlainWords() {
        Path target = dir.resolve("missing").resolve("r.pdf");
        actions(target).saveDecision(null, fixtures.demoRow(), fixtures.facts());
        assertEquals(1, shown.size());
        assertTrue(shown.get(0).startsWith("error: The report was not saved: The report could not be written to "
                + target), shown.get(0));
    }

    @Test
    void aSuggestedNameCannotLeaveTheFolder() {
        assertEquals("decision-.._.._etc_passwd.pdf", ReportActions.fileName("decision-../../etc/passwd"));
        assertEquals("_hidden.pdf", ReportActions.fileName("..\u202Ehidden"));
        assertEquals("report.pdf", ReportActions.fileName(""));
    }
}
