package dev.countersign.app.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.app.common.Messages;
import dev.countersign.app.common.SyncTaskRunner;
import dev.countersign.model.api.ReviewerView;
import dev.countersign.model.bundle.BundleProgress;
import dev.countersign.model.bundle.Evidence;
import dev.countersign.model.bundle.BundleReport;
import dev.countersign.model.bundle.BundleVerifier;
import dev.countersign.model.crypto.Signer;
import dev.countersign.model.testing.EvidenceSamples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export with the real bundle writer: progress, the signed result, and cancels that leave nothing behind. */
class ExportViewModelTest {
    static final EvidenceSamples.Sample SAMPLE = EvidenceSamples.build(24);
    static final Instant NOW = Instant.parse("2026-12-02T09:30:00Z");

    @TempDir
    Path dir;

    final Messages messages = Messages.load(Locale.ENGLISH);
    final List<String> asked = new ArrayList<>();
    Optional<Path> answer;
    boolean unlock = true;
    ReviewerView exporter = amara();

    static ReviewerView amara() {
        return SAMPLE.evidence().reviewers().stream().filter(r -> r.reviewer().equals(SAMPLE.exporter())).findFirst()
                .orElseThrow();
    }

    /** The evidence as the console's cache gives it: only the reviewers its records name. */
    static Evidence asCached(java.util.Collection<String> ids) {
        Evidence some = SAMPLE.evidenceFor(ids);
        java.util.Set<String> named = new java.util.HashSet<>();
        some.items().forEach(i -> named.add(i.record().reviewer()));
        return new Evidence(some.items(), some.reviewers().stream().filter(r -> named.contains(r.reviewer())).toList(),
                some.gatewayPublicKey(), some.checkpoint(), some.log());
    }

    ExportViewModel export() {
        BundleFiles files = new BundleFiles() {
            @Override
            public Optional<Path> chooseSaveTarget(String suggestedName) {
                asked.add(suggestedName);
                return answer;
            }

            @Override
            public Optional<Path> chooseBundle() {
                return Optional.empty();
            }
        };
        SignerSource signers = (use, cancelled) -> {
            if (unlock) {
                use.accept((Signer) SAMPLE.exporterKey());
            } else {
                cancelled.run();
            }
        };
        return new ExportViewModel(messages, new SyncTaskRunner(), Runnable::run,
                ExportViewModelTest::asCached, signers, files, () -> exporter, Clock.fixed(NOW, ZoneOffset.UTC),
                "countersign-console/test");
    }

    List<Path> files() throws Exception {
        try (Stream<Path> list = Files.list(dir)) {
            return list.toList();
        }
    }

    @Test
    void aSelectionIsWrittenWithProgressAndVerifies() throws Exception {
        answer = Optional.of(dir.resolve("chosen")); // the extension is added
        ExportViewModel vm = export();
        List<Double> seen = new ArrayList<>();
        vm.progressProperty().addListener((obs, old, now) -> seen.add(now.doubleValue()));
        List<String> ids = SAMPLE.recordIds().subList(3, 15);
        vm.start(ids);

        assertEquals(ExportViewModel.Phase.DONE, vm.phaseProperty().get(), vm.messageProperty().get());
        Path saved = dir.resolve("chosen.csbundle");
        assertEquals(saved, vm.savedProperty().get());
        assertEquals("Saved the evidence bundle to " + saved, vm.messageProperty().get());
        assertEquals(List.of("evidence-" + java.time.LocalDate.now(Clock.fixed(NOW, java.time.ZoneId.systemDefault()))
                + "-12-records.csbundle"), asked);
        assertEquals("Records 12 of 12", vm.progressTextProperty().get());
        assertEquals(1.0, vm.progressProperty().get());
        assertTrue(seen.size() >= 3, "progress moved: " + seen);
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) >= seen.get(i - 1), "progress never goes back: " + seen);
        }
        assertEquals(List.of(saved), files(), "only the bundle: no temporary file left");
        BundleReport report = BundleVerifier.verify(saved, SAMPLE.gatewayKey().publicKey(), 1, BundleProgress.NONE);
        assertEquals(BundleReport.Status.VALID, report.status(), report.findings().toString());
        assertEquals(ids, report.manifest().recordIds());
        assertEquals(SAMPLE.exporter(), report.manifest().exportedBy());
        assertEquals(NOW, report.manifest().exportedAt());
        assertEquals("countersign-console/test", report.manifest().producer());
    }

    @Test
    void theExporterIsListedEvenWhenTheyDecidedNoneOfTheRecords() throws Exception {
        answer = Optional.of(dir.resolve("others.csbundle"));
        List<String> others = SAMPLE.evidence().items().stream()
                .filter(i -> !i.record().reviewer().equals(SAMPLE.exporter())).map(i -> i.record().recordId())
                .limit(5).toList();
        assertTrue(asCached(others).reviewers().stream().noneMatch(r -> r.reviewer().equals(SAMPLE.exporter())));
        ExportViewModel vm = export();
        vm.start(others);
        assertEquals(ExportViewModel.Phase.DONE, vm.phaseProperty().get(), vm.messageProperty().get());
        BundleReport report = BundleVerifier.verify(vm.savedProperty().get(), SAMPLE.gatewayKey().publicKey(), 1,
                BundleProgress.NONE);
        assertEquals(BundleReport.Status.VALID, report.status(), report.findings().toString());
    }

    @Test
    void anExporterTheConsoleDoesNotKnowIsRefused() throws Exception {
        answer = Optional.of(dir.resolve("evidence.csbundle"));
        exporter = null;
        ExportViewModel vm = export();
        vm.start(SAMPLE.recordIds().subList(0, 3));
        assertEquals(ExportViewModel.Phase.REFUSED, vm.phaseProperty().get());
        assertTrue(vm.messageProperty().get().endsWith("Sign in, then export again. Nothing was written."),
                vm.messageProperty().get());
        assertEquals(List.of(), files());
    }

    @Test
    void cancellingWhileWritingLeavesNoFile() throws Exception {
        answer = Optional.of(dir.resolve("evidence.csbundle"));
        ExportViewModel vm = export();
        vm.progressProperty().addListener((obs, old, now) -> {
            if (now.doubleValue() > 0.2) {
                vm.cancel();
            }
        });
        vm.start(SAMPLE.recordIds());
        assertEquals(ExportViewModel.Phase.CANCELLED, vm.phaseProperty().get());
        assertEquals("Export cancelled. Nothing was written.", vm.messageProperty().get());
        assertNull(vm.savedProperty().get());
        assertTrue(vm.progressProperty().get() < 1.0);
        assertEquals(List.of(), files(), "neither the bundle nor a temporary file");
    }

    @Test
    void cancellingTheFileChooserOrTheKeyWritesNothing() throws Exception {
        answer = Optional.empty();
        ExportViewModel vm = export();
        vm.start(SAMPLE.recordIds().subList(0, 2));
        assertEquals(ExportViewModel.Phase.IDLE, vm.phaseProperty().get());
        assertEquals("No file was chosen, so nothing was written.", vm.messageProperty().get());

        answer = Optional.of(dir.resolve("evidence.csbundle"));
        unlock = false;
        vm.start(SAMPLE.recordIds().subList(0, 2));
        assertEquals(ExportViewModel.Phase.CANCELLED, vm.phaseProperty().get());
        assertEquals("The key was not unlocked, so nothing was written.", vm.messageProperty().get());
        assertEquals(List.of(), files());
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void anExistingFileIsKeptWhenTheExportFails() throws Exception {
        Path existing = Files.writeString(dir.resolve("evidence.csbundle"), "an older bundle");
        answer = Optional.of(existing);
        ExportViewModel vm = export();
        vm.progressProperty().addListener((obs, old, now) -> vm.cancel());
        vm.start(SAMPLE.recordIds());
        assertEquals(ExportViewModel.Phase.CANCELLED, vm.phaseProperty().get());
        assertEquals("an older bundle", Files.readString(existing), "a cancelled export replaces nothing");
        assertEquals(List.of(existing), files());
    }

    @Test
    void aFolderThatCannotBeWrittenIsAClearFailure() throws Exception {
        answer = Optional.of(dir.resolve("no-such-folder").resolve("evidence.csbundle"));
        ExportViewModel vm = export();
        vm.start(SAMPLE.recordIds().subList(0, 4));
        assertEquals(ExportViewModel.Phase.FAILED, vm.phaseProperty().get());
        assertEquals("The bundle could not be written to " + dir.resolve("no-such-folder") + ": the folder does not"
                + " exist. Nothing was left half-written; choose another folder and export again.",
                vm.messageProperty().get());
        assertEquals(List.of(), files());
    }
}
