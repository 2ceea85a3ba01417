package dev.countersign.app.report;

import dev.countersign.app.common.Alerts;
import dev.countersign.app.common.Messages;
import dev.countersign.app.common.TaskRunner;
import dev.countersign.app.common.UserErrors;
import dev.countersign.app.records.RecordRow;
import dev.countersign.model.bundle.BundleReport;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The menu actions "Decision report (PDF)…" and "Bundle summary (PDF)…": ask where to save, write off the UI thread,
 * then say where it went or what went wrong. Call on the UI thread.
 */
public final class ReportActions {

    /** Asks the user for the file to save to; empty when they cancel. */
    @FunctionalInterface
    public interface Chooser {
        Optional<Path> saveTo(Window owner, String suggestedName);
    }

    private final DecisionReportPdf writer;
    private final TaskRunner runner;
    private final Alerts alerts;
    private final Messages messages;
    private final Chooser chooser;

    public ReportActions(DecisionReportPdf writer, TaskRunner runner, Alerts alerts, Messages messages) {
        this(writer, runner, alerts, messages, fileChooser(messages));
    }

    public ReportActions(DecisionReportPdf writer, TaskRunner runner, Alerts alerts, Messages messages,
            Chooser chooser) {
        this.writer = writer;
        this.runner = runner;
        this.alerts = alerts;
        this.messages = messages;
        this.chooser = chooser;
    }

    /** Saves the report of one decision record. */
    public void saveDecision(Window owner, RecordRow row, ReportFacts facts) {
        chooser.saveTo(owner, fileName("decision-" + row.record().recordId())).ifPresent(target ->
                run(target, () -> writer.write(row, facts, target)));
    }

    /** Saves the summary of a verified evidence bundle. */
    public void saveBundleSummary(Window owner, BundleReport report) {
        String file = report.file() == null ? "bundle" : Path.of(report.file()).getFileName().toString();
        chooser.saveTo(owner, fileName(file.replaceFirst("\\.[^.]*$", "") + "-summary")).ifPresent(target ->
                run(target, () -> writer.writeBundleSummary(report, target)));
    }

    private interface Write {
        void write() throws ReportException;
    }

    private void run(Path target, Write write) {
        runner.run("write report", () -> {
            write.write();
            return target;
        }, saved -> alerts.showInfo(messages.get("report.saved.title"),
                messages.format("report.saved.message", saved), saved.toString()),
                e -> alerts.showError(messages.get("report.failed.title"), new UserErrors(messages).message(e),
                        UserErrors.details(e)));
    }

    /** A file name made of safe characters only: whatever an id holds, it cannot name another folder. */
    static String fileName(String base) {
        String safe = base.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "");
        return (safe.isEmpty() ? "report" : safe.length() > 120 ? safe.substring(0, 120) : safe) + ".pdf";
    }

    /** The real, JavaFX file chooser. */
    static Chooser fileChooser(Messages messages) {
        return (owner, suggestedName) -> {
            FileChooser fileChooser = new FileChooser();
            fileChooser.setTitle(messages.get("report.chooser.title"));
            fileChooser.setInitialFileName(suggestedName);
            fileChooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                    messages.get("report.chooser.filter"), "*.pdf"));
            File file = fileChooser.showSaveDialog(owner);
            return Optional.ofNullable(file).map(File::toPath);
        };
    }
}
