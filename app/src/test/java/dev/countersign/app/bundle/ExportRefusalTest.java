package dev.countersign.app.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.app.common.Messages;
import dev.countersign.app.common.SyncTaskRunner;
import dev.countersign.model.Verdict;
import dev.countersign.model.api.DecisionRecordView;
import dev.countersign.model.bundle.Evidence;
import dev.countersign.model.bundle.EvidenceItem;
import dev.countersign.model.crypto.SoftwareSigner;
import dev.countersign.model.log.Checkpoint;
import dev.countersign.model.log.Checkpoints;
import dev.countersign.model.log.LogEntry;
import dev.countersign.model.record.DsseEnvelope;
import dev.countersign.model.record.DsseSignature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Export refuses evidence a bundle cannot carry, saying which records and that a sync fixes it, before it asks where
 * to save or unlocks the key; and nothing is written.
 */
class ExportRefusalTest {
    static final Instant NOW = Instant.parse("2026-12-02T09:30:00Z");

    @TempDir
    Path dir;

    final Messages messages = Messages.load(Locale.ENGLISH);
    final AtomicInteger choosers = new AtomicInteger();
    final AtomicInteger unlocks = new AtomicInteger();
    final List<String> suggested = new ArrayList<>();

    ExportViewModel export(EvidenceSource evidence) {
        BundleFiles files = new BundleFiles() {
            @Override
            public Optional<Path> chooseSaveTarget(String name) {
                choosers.incrementAndGet();
                suggested.add(name);
                return Optional.of(dir.resolve(name));
            }

            @Override
            public Optional<Path> chooseBundle() {
                return Optional.empty();
            }
        };
        SignerSource signers = (use, cancelled) -> {
            unlocks.incrementAndGet();
            cancelled.run();
        };
        return new ExportViewModel(messages, new SyncTaskRunner(), Runnable::run, evidence, signers, files,
                () -> null, Clock.fixed(NOW, ZoneOffset.UTC), "countersign-console/test");
    }

    static DecisionRecordView record(String id, long index) {
        return new DecisionRecordView(id, "prp_" + id, "you@northwind.example", "k", Verdict.APPROVE, NOW, index,
                new DsseEnvelope("application/vnd.in-toto+json", "e30=", List.of(new DsseSignature("k", "AA=="))));
    }

    static DsseEnvelope checkpoint(long size) throws Exception {
        SoftwareSigner gateway = new SoftwareSigner(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        return Checkpoints.sign(new Checkpoint(gateway.keyId(), size, LogEntry.GENESIS, NOW), gateway);
    }

    @Test
    void nothingSelectedIsRefused() {
        ExportViewModel vm = export(ids -> { throw new AssertionError("not read"); });
        vm.start(List.of());
        assertEquals(ExportViewModel.Phase.REFUSED, vm.phaseProperty().get());
        assertEquals("Select the decision records to export first.", vm.messageProperty().get());
    }

    @Test
    void recordsWithoutProposalContextOrCheckpointAreNamed() throws Exception {
        Evidence held = new Evidence(List.of(new EvidenceItem(record("rec_a", 0), null, null)), List.of(), null, null,
                List.of());
        ExportViewModel vm = export(ids -> held);
        vm.start(List.of("rec_a", "rec_gone"));

        assertEquals(ExportViewModel.Phase.REFUSED, vm.phaseProperty().get());
        String text = vm.messageProperty().get();
        assertTrue(text.startsWith("This selection cannot be exported yet:\n"), text);
        assertTrue(text.contains("• Record rec_gone is not in this console’s cache."), text);
        assertTrue(text.contains("• The gateway’s public key is not held yet."), text);
        assertTrue(text.contains("• No signed checkpoint from the gateway is held yet."), text);
        assertTrue(text.contains("• Record rec_a: the proposal version it is bound to is not held."), text);
        assertTrue(text.contains("• Record rec_a: the context it is bound to is not held."), text);
        assertTrue(text.endsWith("Sign in so that the console syncs with the gateway, then export again. Nothing was"
                + " written."), text);
        assertEquals(0, choosers.get(), "no file is asked for");
        assertEquals(0, unlocks.get(), "the key is not unlocked");
        assertEquals(2, vm.countProperty().get());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void recordsPastTheCheckpointAreNamedWithTheirIndex() throws Exception {
        Evidence held = new Evidence(List.of(new EvidenceItem(record("rec_a", 3), null, null),
                new EvidenceItem(record("rec_b", 4), null, null)), List.of(), "MCowBQYDK2VwAyEA", checkpoint(4),
                List.of());
        ExportViewModel vm = export(ids -> held);
        vm.start(List.of("rec_a", "rec_b"));
        String text = vm.messageProperty().get();
        assertTrue(text.contains("• Record rec_b is log entry 4, past the newest checkpoint held, which covers the"
                + " first 4 entries."), text);
        assertTrue(!text.contains("rec_a is log entry"), text);
    }

    @Test
    void aLongListSaysHowManyMore() {
        List<EvidenceItem> items = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            items.add(new EvidenceItem(record("rec_" + i, i), null, null));
        }
        Evidence held = new Evidence(items, List.of(), null, null, List.of());
        ExportViewModel vm = export(ids -> held);
        vm.start(items.stream().map(i -> i.record().recordId()).toList());
        String text = vm.messageProperty().get();
        assertEquals(ExportViewModel.LISTED + 1, text.lines().filter(l -> l.startsWith("• ")).count(), text);
        assertTrue(text.contains("• … and 18 more."), text);
    }

    @Test
    void aClosedCacheIsSaidInWords() {
        ExportViewModel vm = export(EvidenceSource.of(Optional::empty));
        vm.start(List.of("rec_a"));
        assertEquals(ExportViewModel.Phase.FAILED, vm.phaseProperty().get());
        assertEquals("The console’s cache is not open, so there is nothing to export yet.", vm.messageProperty().get());
    }

    @Test
    void theSavedNameGetsTheBundleExtension() {
        assertEquals(Path.of("/tmp/x.csbundle"), ExportViewModel.withExtension(Path.of("/tmp/x")));
        assertEquals(Path.of("/tmp/x.CSBUNDLE"), ExportViewModel.withExtension(Path.of("/tmp/x.CSBUNDLE")));
    }
}
