package dev.countersign.app.bundle;

import dev.countersign.app.common.Messages;
import dev.countersign.app.common.TaskRunner;
import dev.countersign.app.common.UserErrors;
import dev.countersign.model.api.DecisionRecordView;
import dev.countersign.model.api.ReviewerView;
import dev.countersign.model.bundle.BundleFormat;
import dev.countersign.model.bundle.BundleProgress;
import dev.countersign.model.bundle.BundleWriter;
import dev.countersign.model.bundle.Evidence;
import dev.countersign.model.bundle.EvidenceItem;
import dev.countersign.model.crypto.Signer;
import dev.countersign.model.json.Json;
import dev.countersign.model.log.Checkpoint;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exporting selected decision records as an evidence bundle: reads their evidence from the console's cache, refuses
 * clearly when something a bundle must carry is not held (naming the records, and that a sync fixes it), asks where
 * to save, has the reviewer's key sign the manifest, and writes the file in the background with progress and
 * cancel. The writer writes a temporary file and moves it into place, so a cancelled or failed export leaves nothing.
 */
public final class ExportViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ExportViewModel.class);
    /** How many problems a refusal names before it says "and N more". */
    static final int LISTED = 8;

    /** Where the export stands. */
    public enum Phase { IDLE, LOADING, REFUSED, WAITING_FOR_KEY, WRITING, DONE, CANCELLED, FAILED }

    private final Messages messages;
    private final TaskRunner runner;
    private final Executor uiThread;
    private final EvidenceSource evidence;
    private final SignerSource signers;
    private final BundleFiles files;
    private final Supplier<ReviewerView> exporter;
    private final Clock clock;
    private final String producer;
    private final UserErrors errors;

    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.IDLE);
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Path> saved = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding busy;
    private volatile AtomicBoolean cancel = new AtomicBoolean();
    private long generation;

    /**
     * @param uiThread runs progress updates on the UI thread ({@code Platform::runLater}; {@code Runnable::run} in
     *                 tests)
     * @param exporter who exports, as the gateway lists them (the signed-in reviewer: {@code SigningSession}'s
     *                 known reviewer), asked once the key is unlocked. The bundle lists them with their keys, so
     *                 that its manifest's signature can be checked even when they decided none of its records
     * @param producer the console's version, written into the manifest
     */
    public ExportViewModel(Messages messages, TaskRunner runner, Executor uiThread, EvidenceSource evidence,
            SignerSource signers, BundleFiles files, Supplier<ReviewerView> exporter, Clock clock, String producer) {
        this.messages = messages;
        this.runner = runner;
        this.uiThread = uiThread;
        this.evidence = evidence;
        this.signers = signers;
        this.files = files;
        this.exporter = exporter;
        this.clock = clock;
        this.producer = producer;
        this.errors = new UserErrors(messages);
        busy = Bindings.createBooleanBinding(() -> phase.get() == Phase.LOADING
                || phase.get() == Phase.WAITING_FOR_KEY || phase.get() == Phase.WRITING, phase);
    }

    /** Exports these records (ids of decision records, in any order): refuses, or asks where and writes. */
    public void start(List<String> recordIds) {
        if (busy.get()) {
            return;
        }
        long run = ++generation;
        List<String> ids = List.copyOf(new LinkedHashSet<>(recordIds));
        count.set(ids.size());
        saved.set(null);
        progress.set(0);
        progressText.set("");
        if (ids.isEmpty()) {
            refuse(messages.get("export.nothingSelected"));
            return;
        }
        phase.set(Phase.LOADING);
        message.set(messages.get("export.loading"));
        runner.run("read evidence for export", () -> evidence.forRecords(ids), held -> {
            if (run == generation) {
                loaded(ids, held);
            }
        }, e -> {
            LOG.warn("evidence for export cannot be read: {}", e.getMessage());
            fail(errors.message(e));
        });
    }

    private void loaded(List<String> ids, Evidence held) {
        List<String> problems = problems(ids, held);
        if (!problems.isEmpty()) {
            refuse(messages.format("export.refused", listed(problems)));
            return;
        }
        String suggested = messages.format("export.defaultName", LocalDate.now(clock.withZone(
                java.time.ZoneId.systemDefault())).toString(), ids.size());
        Path chosen = files.chooseSaveTarget(suggested).orElse(null);
        if (chosen == null) {
            phase.set(Phase.IDLE);
            message.set(messages.get("export.notSaved"));
            return;
        }
        Path target = withExtension(chosen);
        phase.set(Phase.WAITING_FOR_KEY);
        message.set(messages.get("export.waitingForKey"));
        signers.withSigner(signer -> write(held, signer, target), () -> {
            phase.set(Phase.CANCELLED);
            message.set(messages.get("export.keyCancelled"));
        });
    }

    private void write(Evidence held, Signer signer, Path target) {
        AtomicBoolean stop = new AtomicBoolean();
        cancel = stop;
        ReviewerView who = exporter.get();
        if (who == null || who.keys().stream().noneMatch(k -> k.keyId().equals(signer.keyId()))) {
            refuse(messages.get("export.exporterUnknown"));
            return;
        }
        Evidence withExporter = withExporter(held, who);
        BundleWriter.Export export = new BundleWriter.Export(who.reviewer(), clock.instant(), producer);
        phase.set(Phase.WRITING);
        message.set(messages.get("export.writing"));
        showProgress(0, held.items().size());
        BundleProgress reporter = new Reporter(stop);
        runner.run("export evidence bundle", () -> {
            BundleWriter.write(withExporter, export, signer, target, reporter);
            return target;
        }, written -> {
            saved.set(written);
            progress.set(1);
            phase.set(Phase.DONE);
            message.set(messages.format("export.done", written.toString()));
        }, e -> writeFailed(e, target));
    }

    private void writeFailed(Exception e, Path target) {
        if (e instanceof CancellationException) {
            phase.set(Phase.CANCELLED);
            message.set(messages.get("export.cancelled"));
        } else if (e instanceof IllegalArgumentException) {
            LOG.warn("the bundle writer refused the evidence: {}", e.getMessage());
            refuse(messages.format("export.writerRefused", e.getMessage()));
        } else if (e instanceof IOException) {
            LOG.warn("the bundle could not be written: {}", e.toString());
            String reason = e instanceof java.nio.file.NoSuchFileException ? messages.get("export.io.noFolder")
                    : e instanceof java.nio.file.AccessDeniedException ? messages.get("export.io.denied")
                    : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            fail(messages.format("export.failed.io", String.valueOf(target.getParent()), reason));
        } else if (e instanceof GeneralSecurityException) {
            LOG.warn("the manifest could not be signed: {}", e.toString());
            fail(messages.format("export.failed.signature", e.getClass().getSimpleName()));
        } else {
            LOG.error("export failed", e);
            fail(messages.format("export.failed", e.getClass().getSimpleName()));
        }
    }

    /** The evidence with the exporter listed as the gateway lists them now (replacing an older listing). */
    static Evidence withExporter(Evidence held, ReviewerView who) {
        List<ReviewerView> reviewers = new ArrayList<>();
        held.reviewers().stream().filter(r -> !r.reviewer().equals(who.reviewer())).forEach(reviewers::add);
        reviewers.add(who);
        reviewers.sort(java.util.Comparator.comparing(ReviewerView::reviewer));
        return new Evidence(held.items(), reviewers, held.gatewayPublicKey(), held.checkpoint(), held.log());
    }

    /** Stops a running export; the writer then ends and leaves nothing behind. */
    public void cancel() {
        if (phase.get() == Phase.WRITING) {
            cancel.set(true);
            message.set(messages.get("export.cancelling"));
        }
    }

    /** What the evidence lacks for a bundle, in words; empty when it is complete. */
    List<String> problems(List<String> ids, Evidence held) {
        List<String> problems = new ArrayList<>();
        Set<String> found = new LinkedHashSet<>();
        for (EvidenceItem item : held.items()) {
            found.add(item.record().recordId());
        }
        ids.stream().filter(id -> !found.contains(id))
                .forEach(id -> problems.add(messages.format("export.missing.notHeld", id)));
        if (held.gatewayPublicKey() == null || held.gatewayPublicKey().isBlank()) {
            problems.add(messages.get("export.missing.gatewayKey"));
        }
        long size = -1;
        if (held.checkpoint() == null) {
            problems.add(messages.get("export.missing.checkpoint"));
        } else {
            try {
                // only to say which records it does not cover: the writer and every verifier check its signature
                size = Json.parse(held.checkpoint().payloadBytes(), Checkpoint.class).size();
            } catch (RuntimeException e) {
                problems.add(messages.get("export.missing.checkpoint"));
            }
        }
        for (EvidenceItem item : held.items()) {
            DecisionRecordView record = item.record();
            if (item.proposal() == null) {
                problems.add(messages.format("export.missing.proposal", record.recordId()));
            }
            if (item.context() == null) {
                problems.add(messages.format("export.missing.context", record.recordId()));
            }
            if (size >= 0 && record.logIndex() >= size) {
                problems.add(messages.format("export.missing.pastCheckpoint", record.recordId(), record.logIndex(),
                        size));
            }
        }
        return problems;
    }

    private String listed(List<String> problems) {
        List<String> shown = new ArrayList<>(problems.subList(0, Math.min(LISTED, problems.size())));
        if (problems.size() > LISTED) {
            shown.add(messages.format("export.missing.more", problems.size() - LISTED));
        }
        return "• " + String.join("\n• ", shown);
    }

    private void refuse(String text) {
        phase.set(Phase.REFUSED);
        message.set(text);
    }

    private void fail(String text) {
        phase.set(Phase.FAILED);
        message.set(text);
    }

    private void showProgress(long done, long total) {
        progress.set(total <= 0 ? 0 : (double) done / total);
        progressText.set(messages.format("export.progress", done, total));
    }

    static Path withExtension(Path chosen) {
        String name = chosen.getFileName() == null ? "" : chosen.getFileName().toString();
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(BundleFormat.EXTENSION) ? chosen
                : chosen.resolveSibling(name + BundleFormat.EXTENSION);
    }

    /** The writer's progress, handed to the UI thread at most once per thousandth, and its cancel flag. */
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
                    if (phase.get() == Phase.WRITING) {
                        showProgress(done, total);
                    }
                });
            }
        }

        @Override
        public boolean cancelled() {
            return stop.get();
        }
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** How many records are being exported. */
    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /** What the export is doing or how it ended, in words (a refusal lists what is missing). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** 0 to 1: records written of all. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** The bundle written, once done. */
    public ReadOnlyObjectProperty<Path> savedProperty() {
        return saved.getReadOnlyProperty();
    }

    /** True while evidence is read, the key unlocked or the file written. */
    public BooleanBinding busyProperty() {
        return busy;
    }
}
