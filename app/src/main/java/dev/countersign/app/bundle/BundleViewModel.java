package dev.countersign.app.bundle;

import dev.countersign.app.common.Messages;
import dev.countersign.app.common.TaskRunner;
import dev.countersign.app.common.TimeTexts;
import dev.countersign.app.common.UntrustedText;
import dev.countersign.app.records.RecordRow;
import dev.countersign.model.bundle.BundleManifest;
import dev.countersign.model.bundle.BundleProgress;
import dev.countersign.model.bundle.BundleReport;
import dev.countersign.model.bundle.Evidence;
import dev.countersign.model.bundle.EvidenceItem;
import dev.countersign.model.bundle.EvidenceResult;
import dev.countersign.model.bundle.Finding;
import dev.countersign.model.bundle.RecordCheck;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One opened evidence bundle: verifies it in the background (progress, cancel), then says what it proves in words
 * (the verdict, the gateway key it is anchored to and whether that key was pinned or is the console's own gateway's,
 * who exported it and when, the counts) and holds its findings and its records as rows, read-only. Reading a bundle
 * never writes anywhere: the verifier reads the zip without extracting it.
 */
public final class BundleViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(BundleViewModel.class);

    /** Where the opening stands. */
    public enum Phase { IDLE, VERIFYING, DONE, CANCELLED }

    /** How the gateway key the bundle is anchored to was established. */
    public enum Anchor { NONE, PINNED, SAME_GATEWAY, OTHER_GATEWAY, UNPINNED }

    /** How verification runs: the verifier itself, in tests a stand-in. */
    @FunctionalInterface
    public interface Verifier {
        BundleReport verify(Path bundle, PublicKey pinnedGatewayKey, int threads, BundleProgress progress);
    }

    private final Messages messages;
    private final TaskRunner runner;
    private final Executor uiThread;
    private final TimeTexts time;
    private final Verifier verifier;
    private final PublicKey pinnedKey;
    private final Supplier<String> knownGatewayKeyId;
    private final int threads;

    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.IDLE);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<BundleReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Anchor> anchor = new ReadOnlyObjectWrapper<>(Anchor.NONE);
    private final ReadOnlyStringWrapper verdictText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper anchorText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper exportText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper countsText = new ReadOnlyStringWrapper("");
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ObservableList<RecordRow> rows = FXCollections.observableArrayList();
    private final ObservableList<Finding> findingsView = FXCollections.unmodifiableObservableList(findings);
    private final ObservableList<RecordRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final StringProperty selectedRecordId = new SimpleStringProperty();
    private volatile AtomicBoolean cancel = new AtomicBoolean();
    private String known;

    private record Verified(BundleReport report, String knownGatewayKeyId) {}

    /**
     * @param pinnedKey         the gateway key to hold the bundle to, or null to take the bundle's own
     * @param knownGatewayKeyId the key id of the gateway this console is bound to (null in auditor mode, or while
     *                          not known): an unpinned bundle anchored to it is said to match. Asked off the UI
     *                          thread, once per verification
     */
    public BundleViewModel(Messages messages, TaskRunner runner, Executor uiThread, TimeTexts time, Verifier verifier,
            PublicKey pinnedKey, Supplier<String> knownGatewayKeyId, int threads) {
        this.messages = messages;
        this.runner = runner;
        this.uiThread = uiThread;
        this.time = time;
        this.verifier = verifier;
        this.pinnedKey = pinnedKey;
        this.knownGatewayKeyId = knownGatewayKeyId == null ? () -> null : knownGatewayKeyId;
        this.threads = Math.max(1, threads);
    }

    /** Verifies {@code bundle} in the background; the results replace whatever was shown. */
    public void open(Path bundle) {
        AtomicBoolean stop = new AtomicBoolean();
        cancel.set(true); // a verification still running for an earlier file ends
        cancel = stop;
        file.set(bundle);
        phase.set(Phase.VERIFYING);
        report.set(null);
        findings.clear();
        rows.clear();
        selectedRecordId.set(null);
        anchor.set(Anchor.NONE);
        anchorText.set("");
        exportText.set("");
        countsText.set("");
        verdictText.set(messages.get("bundle.verifying"));
        progress.set(-1);
        progressText.set(messages.get("bundle.reading"));
        Reporter reporter = new Reporter(stop);
        runner.run("verify evidence bundle", () -> {
            BundleReport done = verifier.verify(bundle, pinnedKey, threads, reporter);
            return new Verified(done, knownGatewayKeyId.get()); // may read the console's cache: not on the UI thread
        }, verified -> {
            if (cancel == stop) {
                known = verified.knownGatewayKeyId();
                BundleReport done = verified.report();
                LOG.info("opened evidence bundle {}: {}, {} findings", bundle, done.status(), done.findings().size());
                show(done);
            }
        }, e -> {
            if (cancel == stop) {
                failed(bundle, e);
            }
        });
    }

    /** Stops a running verification; nothing is shown as verified. */
    public void cancel() {
        cancel.set(true);
        if (phase.get() == Phase.VERIFYING) {
            phase.set(Phase.CANCELLED);
            verdictText.set(messages.get("bundle.cancelled"));
            progressText.set("");
        }
    }

    /** Selects the record a finding names (none for a bundle-wide finding). */
    public void select(Finding finding) {
        if (finding != null && finding.recordId() != null) {
            selectedRecordId.set(finding.recordId());
        }
    }

    private void show(BundleReport done) {
        report.set(done);
        phase.set(Phase.DONE);
        progress.set(1);
        progressText.set("");
        findings.setAll(done.findings());
        rows.setAll(rows(done));
        verdictText.set(verdict(done));
        String anchoredTo = done.result() != null && done.result().gatewayKeyId() != null
                ? done.result().gatewayKeyId() : done.manifest() == null ? null : done.manifest().gatewayKeyId();
        anchor.set(anchorOf(anchoredTo));
        boolean nothingRead = done.manifest() == null && done.result() == null;
        // of a file that could not be read at all, the verdict and the findings say everything
        anchorText.set(nothingRead ? "" : anchorText(anchoredTo, anchor.get()));
        exportText.set(nothingRead ? "" : exported(done.manifest()));
        countsText.set(done.result() == null ? "" : counts(done));
    }

    private void failed(Path bundle, Exception e) {
        known = null;
        if (e instanceof CancellationException) {
            phase.set(Phase.CANCELLED);
            verdictText.set(messages.get("bundle.cancelled"));
            progressText.set("");
            return;
        }
        // the verifier reports what a file holds and should not throw: a bug, shown as a finding, never a crash
        LOG.error("verifying {} failed", bundle, e);
        Finding finding = Finding.error(null, null, "internal", messages.format("bundle.internalError",
                e.getClass().getSimpleName()));
        show(new BundleReport(BundleReport.Status.UNREADABLE, bundle.toString(), null, null, null,
                List.of(finding)));
    }

    /** One row per record the bundle holds, with its check (matched by id, so a reordered result still fits). */
    static List<RecordRow> rows(BundleReport report) {
        Evidence evidence = report.evidence();
        EvidenceResult result = report.result();
        if (evidence == null) {
            return List.of();
        }
        Map<String, RecordCheck> byId = new HashMap<>();
        List<RecordCheck> checks = result == null ? List.of() : result.records();
        checks.forEach(c -> byId.putIfAbsent(c.recordId(), c));
        List<RecordRow> out = new ArrayList<>(evidence.items().size());
        for (int i = 0; i < evidence.items().size(); i++) {
            EvidenceItem item = evidence.items().get(i);
            String id = item.record().recordId();
            RecordCheck check = i < checks.size() && id.equals(checks.get(i).recordId()) ? checks.get(i)
                    : byId.get(id);
            out.add(new RecordRow(item.record(), check, item.proposal(), item.context()));
        }
        return out;
    }

    private String verdict(BundleReport done) {
        long errors = done.findings().stream().filter(f -> f.severity() == Finding.Severity.ERROR).count();
        long warnings = done.findings().size() - errors;
        return switch (done.status()) {
            case VALID -> messages.format("bundle.verdict.valid", warnings);
            case INVALID -> messages.format("bundle.verdict.invalid", errors, warnings);
            case UNREADABLE -> messages.get("bundle.verdict.unreadable");
        };
    }

    private Anchor anchorOf(String keyId) {
        if (keyId == null) {
            return Anchor.NONE;
        }
        if (pinnedKey != null) {
            return Anchor.PINNED;
        }
        if (known == null) {
            return Anchor.UNPINNED;
        }
        return known.equals(keyId) ? Anchor.SAME_GATEWAY : Anchor.OTHER_GATEWAY;
    }

    private String anchorText(String keyId, Anchor how) {
        return switch (how) {
            case NONE -> messages.get("bundle.anchor.none");
            case PINNED -> messages.format("bundle.anchor.pinned", keyId);
            case SAME_GATEWAY -> messages.format("bundle.anchor.same", keyId);
            case OTHER_GATEWAY -> messages.format("bundle.anchor.other", keyId, known);
            case UNPINNED -> messages.format("bundle.anchor.unpinned", keyId);
        };
    }

    private String exported(BundleManifest manifest) {
        if (manifest == null) {
            return messages.get("bundle.export.unknown");
        }
        return messages.format("bundle.export.by", revealed(manifest.exportedBy()),
                manifest.exportedAt() == null ? "?" : time.localDateTime(manifest.exportedAt()),
                revealed(manifest.producer()));
    }

    private String counts(BundleReport done) {
        List<RecordCheck> checks = done.result() == null ? List.of() : done.result().records();
        long verified = checks.stream().filter(RecordCheck::verified).count();
        long failed = checks.stream().filter(RecordCheck::failed).count();
        long unknown = checks.size() - verified - failed;
        int files = done.manifest() == null ? 0 : done.manifest().files().size();
        return messages.format("bundle.counts", rows.size(), verified, failed, unknown, files);
    }

    /** A value the bundle carries, as the console shows any text it cannot trust. */
    static String revealed(String raw) {
        return raw == null ? "?" : UntrustedText.reveal(raw).text();
    }

    /** Progress handed to the UI thread at most once per thousandth; the cancel flag read by the verifier. */
    private final class Reporter implements BundleProgress {
        private final AtomicBoolean stop;
        private final AtomicLong shown = new AtomicLong(-1);

        Reporter(AtomicBoolean stop) {
            this.stop = stop;
        }

        @Override
        public void progress(long done, long total) {
            long step = total <= 0 ? 0 : done * 1000 / total;
            long before = shown.get();
            if (step != before && shown.compareAndSet(before, step) || done == total) {
                uiThread.execute(() -> {
                    if (cancel == stop && phase.get() == Phase.VERIFYING) {
                        progress.set(total <= 0 ? -1 : (double) done / total);
                        progressText.set(messages.format("bundle.progress", done, total));
                    }
                });
            }
        }

        @Override
        public boolean cancelled() {
            return stop.get();
        }
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** 0 to 1 while records are checked; -1 while not known (reading the zip). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** The verifier's report once done (null while verifying or after a cancel). */
    public ReadOnlyObjectProperty<BundleReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Anchor> anchorProperty() {
        return anchor.getReadOnlyProperty();
    }

    /** The verdict in words: valid, invalid with how many problems, unreadable, or what is being done. */
    public ReadOnlyStringProperty verdictTextProperty() {
        return verdictText.getReadOnlyProperty();
    }

    /** The gateway key id the bundle is anchored to, and how far that key is trusted. */
    public ReadOnlyStringProperty anchorTextProperty() {
        return anchorText.getReadOnlyProperty();
    }

    /** Who exported the bundle, when and with what. */
    public ReadOnlyStringProperty exportTextProperty() {
        return exportText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countsTextProperty() {
        return countsText.getReadOnlyProperty();
    }

    /** Every finding, bundle-wide and per record, in file order. */
    public ObservableList<Finding> findings() {
        return findingsView;
    }

    /** The bundle's records with their checks, read-only. */
    public ObservableList<RecordRow> rows() {
        return rowsView;
    }

    /** The record selected through a finding (the window selects it in the records table). */
    public StringProperty selectedRecordIdProperty() {
        return selectedRecordId;
    }

    /** One finding in words: where (file, record) and what. */
    public String findingText(Finding f) {
        String where = f.file() == null ? messages.get("bundle.finding.wholeBundle") : revealed(f.file());
        String text = revealed(f.message());
        return f.recordId() == null ? messages.format("bundle.finding.line", where, text)
                : messages.format("bundle.finding.lineRecord", where, revealed(f.recordId()), text);
    }
}
