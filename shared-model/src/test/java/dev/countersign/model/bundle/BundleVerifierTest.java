package dev.countersign.model.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countersign.model.json.Json;
import dev.countersign.model.testing.EvidenceSamples;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleVerifierTest {
    private static final EvidenceSamples.Sample SAMPLE = EvidenceSamples.build(16);

    @TempDir
    Path dir;

    @Test
    void aWrittenBundleVerifiesWithThePinnedKey() throws Exception {
        Path bundle = Bundles.write(SAMPLE, dir, "evidence");
        for (java.security.Provider provider : new java.security.Provider[] {null, new BouncyCastleProvider()}) {
            BundleReport report = BundleVerifier.verify(bundle, SAMPLE.gatewayKey().publicKey(), 2,
                    BundleProgress.NONE, provider);
            assertEquals(BundleReport.Status.VALID, report.status(), BundleReports.text(report));
            assertEquals(List.of(), report.findings());
            assertEquals(16, report.result().records().size());
            assertTrue(report.result().records().stream().allMatch(RecordCheck::verified));
            assertEquals(SAMPLE.recordIds(),
                    report.evidence().items().stream().map(i -> i.record().recordId()).toList());
            assertEquals(SAMPLE.evidence().items().get(3), report.evidence().items().get(3),
                    "the records read back are the ones written");
        }
    }

    @Test
    void unpinnedItIsValidWithAWarningThatNamesTheKeyId() throws Exception {
        Path bundle = Bundles.write(SAMPLE, dir, "evidence");
        BundleReport report = BundleVerifier.verify(bundle, null, 1, BundleProgress.NONE);
        assertEquals(BundleReport.Status.VALID, report.status());
        assertEquals(1, report.findings().size());
        assertEquals("gateway-key-unpinned", report.findings().get(0).code());
        String text = BundleReports.text(report);
        assertTrue(text.startsWith("VALID"), text);
        assertTrue(text.contains(SAMPLE.gatewayKeyId() + " (NOT pinned"), text);
    }

    @Test
    void theReportsSayTheVerdictFirstAndNameFileAndRecord() throws Exception {
        Path bundle = Bundles.write(SAMPLE, dir, "evidence");
        var members = Bundles.members(bundle);
        String id = SAMPLE.recordIds().get(2);
        String path = BundleFormat.recordPath(id);
        byte[] record = members.get(path);
        record[record.length / 2] ^= 0x04;
        Path broken = Bundles.zip(dir.resolve("broken.csbundle"), members);
        BundleReport report = BundleVerifier.verify(broken, SAMPLE.gatewayKey().publicKey(), 2, BundleProgress.NONE);
        assertEquals(BundleReport.Status.INVALID, report.status());
        assertTrue(report.findings().stream().anyMatch(f -> path.equals(f.file()) && id.equals(f.recordId())
                && f.code().equals("hash-mismatch")));
        String text = BundleReports.text(report);
        assertTrue(text.startsWith("INVALID"), text);
        assertTrue(text.contains(SAMPLE.gatewayKeyId() + " (pinned)"), text);
        assertTrue(text.contains(path), text);
        JsonNode json = Json.tree(BundleReports.json(report).getBytes(StandardCharsets.UTF_8));
        assertEquals("INVALID", json.get("status").asText());
        assertEquals(1, json.get("exitCode").asInt());
        assertEquals(16, json.get("records").size());
        assertTrue(json.get("findings").size() > 0);
        assertEquals(SAMPLE.gatewayKeyId(), json.get("gatewayKeyId").asText());
    }

    @Test
    void verificationReportsProgressAndCanBeCancelled() throws Exception {
        Path bundle = Bundles.write(SAMPLE, dir, "evidence");
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        BundleProgress counting = new BundleProgress() {
            @Override
            public void progress(long d, long total) {
                assertEquals(16, total);
                done.accumulateAndGet(d, Math::max);
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
        BundleVerifier.verify(bundle, SAMPLE.gatewayKey().publicKey(), 2, counting);
        assertEquals(16, done.get());
        BundleProgress cancelled = new BundleProgress() {
            @Override
            public void progress(long d, long total) {}

            @Override
            public boolean cancelled() {
                return true;
            }
        };
        org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.CancellationException.class,
                () -> BundleVerifier.verify(bundle, SAMPLE.gatewayKey().publicKey(), 2, cancelled));
    }

    @Test
    void somethingThatIsNotAZipIsUnreadable() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.csbundle"), "hello");
        BundleReport report = BundleVerifier.verify(file, null, 1, BundleProgress.NONE);
        assertEquals(BundleReport.Status.UNREADABLE, report.status());
        assertEquals(2, report.status().exitCode());
        assertTrue(BundleReports.text(report).startsWith("UNREADABLE"));
        Json.tree(BundleReports.json(report).getBytes(StandardCharsets.UTF_8));
        BundleReport missing = BundleVerifier.verify(dir.resolve("nothing-here.csbundle"), null, 1, BundleProgress.NONE);
        assertEquals(BundleReport.Status.UNREADABLE, missing.status());
    }

    @Test
    void aLargeBundleIsReadOnSeveralThreadsAndAFlippedByteIsStillFoundAtItsFile() throws Exception {
        // past Parallel's chunk of 128 entries, so the entries are inflated on both threads
        EvidenceSamples.Sample large = EvidenceSamples.build(120);
        Path bundle = Bundles.write(large, dir, "large");
        BundleReport valid = BundleVerifier.verify(bundle, large.gatewayKey().publicKey(), 2, BundleProgress.NONE);
        assertEquals(BundleReport.Status.VALID, valid.status(), valid.findings().toString());
        assertEquals(large.recordIds().size(), valid.result().records().size());

        var members = Bundles.members(bundle);
        String id = large.recordIds().get(97);
        String file = BundleFormat.recordPath(id);
        members.get(file)[10] ^= 0x01;
        Path flipped = Bundles.zip(dir.resolve("flipped.csbundle"), members);
        BundleReport report = BundleVerifier.verify(flipped, large.gatewayKey().publicKey(), 2, BundleProgress.NONE);
        assertEquals(BundleReport.Status.INVALID, report.status());
        assertTrue(report.findings().stream().allMatch(f -> file.equals(f.file())), report.findings().toString());
        assertTrue(report.findings().stream().anyMatch(f -> id.equals(f.recordId())), report.findings().toString());
    }
}
