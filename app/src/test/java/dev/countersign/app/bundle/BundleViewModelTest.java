package dev.countersign.app.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.app.common.Messages;
import dev.countersign.app.common.SyncTaskRunner;
import dev.countersign.app.common.TimeTexts;
import dev.countersign.model.bundle.BundleReport;
import dev.countersign.model.bundle.BundleVerifier;
import dev.countersign.model.bundle.Finding;
import dev.countersign.model.testing.EvidenceSamples;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a bundle without a window: progress, the words it says, cancel, and a verifier that breaks. */
class BundleViewModelTest {
    static final EvidenceSamples.Sample SAMPLE = EvidenceSamples.build(30);

    @TempDir
    static Path dir;
    static Path valid;

    final Messages messages = Messages.load(Locale.ENGLISH);

    @BeforeAll
    static void bundle() throws Exception {
        valid = SampleBundles.write(SAMPLE, dir, "valid");
    }

    BundleViewModel vm(BundleViewModel.Verifier verifier, String knownGatewayKeyId) {
        return new BundleViewModel(messages, new SyncTaskRunner(), Runnable::run,
                new TimeTexts(messages, ZoneOffset.UTC), verifier, null, () -> knownGatewayKeyId, 2);
    }

    @Test
    void aValidBundleIsShownWithProgressAnchorAndRows() {
        BundleViewModel vm = vm(BundleVerifier::verify, SAMPLE.gatewayKeyId());
        List<String> progress = new ArrayList<>();
        vm.progressTextProperty().addListener((obs, old, now) -> progress.add(now));
        vm.open(valid);

        assertEquals(BundleViewModel.Phase.DONE, vm.phaseProperty().get());
        assertEquals(BundleReport.Status.VALID, vm.reportProperty().get().status());
        assertEquals(BundleViewModel.Anchor.SAME_GATEWAY, vm.anchorProperty().get());
        assertEquals(SAMPLE.recordIds(), vm.rows().stream().map(r -> r.record().recordId()).toList());
        assertTrue(progress.contains("Records 30 of 30 checked"), progress.toString());
        assertEquals("Exported by " + SAMPLE.exporter() + " on Dec 1, 2026, 12:00 PM with countersign-console/test",
                vm.exportTextProperty().get());
        assertEquals("30 records: 30 verified, 0 failed, 0 could not be checked · "
                + vm.reportProperty().get().manifest().files().size() + " files in the manifest",
                vm.countsTextProperty().get());
        Finding warning = vm.findings().get(0);
        assertEquals(Finding.Severity.WARNING, warning.severity());
        assertTrue(vm.findingText(warning).startsWith("keys/gateway.pub.pem: "), vm.findingText(warning));
    }

    @Test
    void cancellingStopsTheVerifierAndShowsNothingAsVerified() {
        BundleViewModel[] holder = new BundleViewModel[1];
        BundleViewModel vm = vm(BundleVerifier::verify, null);
        holder[0] = vm;
        vm.progressProperty().addListener((obs, old, now) -> {
            if (now.doubleValue() > 0 && now.doubleValue() < 1) {
                holder[0].cancel();
            }
        });
        vm.open(valid);
        assertEquals(BundleViewModel.Phase.CANCELLED, vm.phaseProperty().get());
        assertEquals("Verification cancelled: nothing in this bundle is shown as verified.",
                vm.verdictTextProperty().get());
        assertNull(vm.reportProperty().get());
        assertTrue(vm.rows().isEmpty());
    }

    @Test
    void aVerifierThatBreaksIsAFindingNotACrash() {
        BundleViewModel vm = vm((file, key, threads, progress) -> {
            throw new IllegalStateException("a bug");
        }, null);
        vm.open(valid);
        assertEquals(BundleViewModel.Phase.DONE, vm.phaseProperty().get());
        assertEquals(BundleReport.Status.UNREADABLE, vm.reportProperty().get().status());
        assertEquals("The bundle could not be checked (IllegalStateException). Nothing was written anywhere.",
                vm.findings().get(0).message());
        assertEquals("", vm.anchorTextProperty().get());
    }

    @Test
    void hostileNamesAreShownRevealed() {
        Finding f = Finding.error("records/rec\u202Eevil.json", "rec\u202Eevil", "x", "bad \u200Bthing");
        String text = vm(BundleVerifier::verify, null).findingText(f);
        assertTrue(!text.contains("\u202E") && !text.contains("\u200B"), text);
        assertTrue(text.contains("⟦U+202E⟧"), text);
    }
}
