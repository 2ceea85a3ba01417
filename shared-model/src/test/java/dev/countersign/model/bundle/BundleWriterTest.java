package dev.countersign.model.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.model.json.CanonicalJson;
import dev.countersign.model.json.Digests;
import dev.countersign.model.json.Json;
import dev.countersign.model.log.LogEntry;
import dev.countersign.model.testing.EvidenceSamples;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleWriterTest {
    private static final EvidenceSamples.Sample SAMPLE = EvidenceSamples.build(12);

    @TempDir
    Path dir;

    @Test
    void theLayoutIsTheDocumentedOneAndEveryFileIsHashedInTheManifest() throws Exception {
        Path bundle = Bundles.write(SAMPLE, dir, "evidence");
        Map<String, byte[]> members = Bundles.members(bundle);
        BundleManifest manifest = Json.parse(members.get(BundleFormat.MANIFEST), BundleManifest.class);
        assertEquals(BundleFormat.FORMAT, manifest.format());
        assertEquals(SAMPLE.recordIds(), manifest.recordIds());
        assertEquals(SAMPLE.gatewayKeyId(), manifest.gatewayKeyId());
        assertEquals(SAMPLE.exporterKey().keyId(), manifest.exporterKeyId());
        assertEquals(members.size() - 2, manifest.files().size());
        for (BundleManifest.FileEntry file : manifest.files()) {
            byte[] bytes = members.get(file.path());
            assertEquals(file.size(), bytes.length, file.path());
            assertEquals(file.sha256(), Digests.sha256Hex(bytes), file.path());
        }
        assertTrue(members.containsKey(BundleFormat.VERIFY_GUIDE));
        assertTrue(members.containsKey(BundleFormat.GATEWAY_KEY));
        assertTrue(members.containsKey(BundleFormat.keyPath(SAMPLE.exporterKey().keyId())));
        for (EvidenceItem item : SAMPLE.evidence().items()) {
            byte[] record = members.get(BundleFormat.recordPath(item.record().recordId()));
            LogEntry entry = SAMPLE.evidence().log().get((int) item.record().logIndex());
            assertEquals(entry.recordDigest(), Digests.sha256Hex(record), "a record's file hashes to its digest");
            byte[] proposal = members.get(BundleFormat.proposalPath(item.proposal().id(), item.proposal().version()));
            assertEquals(Digests.canonicalSha256(item.proposal()), Digests.sha256Hex(proposal));
            String contextDigest = Digests.canonicalSha256(item.context());
            assertTrue(members.containsKey(BundleFormat.contextPath(contextDigest)));
            String keyPath = item.record().reviewer().equals(EvidenceSamples.AUTO_REVIEWER) ? BundleFormat.GATEWAY_KEY
                    : BundleFormat.keyPath(item.record().keyId());
            assertTrue(members.containsKey(keyPath), keyPath);
        }
        String[] lines = new String(members.get(BundleFormat.LOG_ENTRIES), StandardCharsets.UTF_8).split("\n");
        assertEquals(12, lines.length);
        assertEquals(SAMPLE.evidence().log().get(11).entryHash(),
                Digests.sha256Hex(lines[11].getBytes(StandardCharsets.UTF_8)), "a line hashes to its entry hash");
        assertEquals(CanonicalJson.string(SAMPLE.evidence().checkpoint()),
                new String(members.get(BundleFormat.CHECKPOINT), StandardCharsets.UTF_8));
        String guide = new String(members.get(BundleFormat.VERIFY_GUIDE), StandardCharsets.UTF_8);
        assertTrue(guide.contains(SAMPLE.gatewayKeyId()), "VERIFY.md names the gateway key id");
    }

    @Test
    void aSubsetStartsItsSegmentAtItsLowestRecord() throws Exception {
        Evidence some = SAMPLE.evidenceFor(List.of(SAMPLE.recordIds().get(4), SAMPLE.recordIds().get(9)));
        Path target = dir.resolve("some.csbundle");
        BundleWriter.write(some, Bundles.export(SAMPLE), SAMPLE.exporterKey(), target, BundleProgress.NONE);
        String entries = new String(Bundles.members(target).get(BundleFormat.LOG_ENTRIES), StandardCharsets.UTF_8);
        assertEquals(8, entries.split("\n").length);
        assertTrue(entries.startsWith("{\"index\":4,"));
    }

    @Test
    void progressIsReportedPerRecord() throws Exception {
        AtomicLong last = new AtomicLong();
        BundleWriter.write(SAMPLE.evidence(), Bundles.export(SAMPLE), SAMPLE.exporterKey(), dir.resolve("p.csbundle"),
                new BundleProgress() {
                    @Override
                    public void progress(long done, long total) {
                        assertEquals(last.get() + 1, done);
                        assertEquals(12, total);
                        last.set(done);
                    }

                    @Override
                    public boolean cancelled() {
                        return false;
                    }
                });
        assertEquals(12, last.get());
    }

    @Test
    void aCancelledExportLeavesNothingBehind() throws Exception {
        Path target = dir.resolve("cancelled.csbundle");
        AtomicLong done = new AtomicLong();
        assertThrows(CancellationException.class, () -> BundleWriter.write(SAMPLE.evidence(), Bundles.export(SAMPLE),
                SAMPLE.exporterKey(), target, new BundleProgress() {
                    @Override
                    public void progress(long d, long total) {
                        done.set(d);
                    }

                    @Override
                    public boolean cancelled() {
                        return done.get() >= 5;
                    }
                }));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.toList());
        }
    }

    @Test
    void incompleteEvidenceIsRefusedNamingTheRecord() {
        Evidence e = SAMPLE.evidence();
        String id = SAMPLE.recordIds().get(6);
        List<EvidenceItem> items = e.items().stream().map(i -> i.record().recordId().equals(id)
                ? new EvidenceItem(i.record(), i.proposal(), null) : i).toList();
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> BundleWriter.write(
                new Evidence(items, e.reviewers(), e.gatewayPublicKey(), e.checkpoint(), e.log()),
                Bundles.export(SAMPLE), SAMPLE.exporterKey(), dir.resolve("x.csbundle"), BundleProgress.NONE));
        assertTrue(refused.getMessage().contains(id), refused.getMessage());

        IllegalArgumentException noCheckpoint = assertThrows(IllegalArgumentException.class, () -> BundleWriter.write(
                new Evidence(e.items(), e.reviewers(), e.gatewayPublicKey(), null, e.log()),
                Bundles.export(SAMPLE), SAMPLE.exporterKey(), dir.resolve("x.csbundle"), BundleProgress.NONE));
        assertTrue(noCheckpoint.getMessage().contains("checkpoint"));

        IllegalArgumentException shortLog = assertThrows(IllegalArgumentException.class, () -> BundleWriter.write(
                new Evidence(e.items(), e.reviewers(), e.gatewayPublicKey(), e.checkpoint(), e.log().subList(0, 8)),
                Bundles.export(SAMPLE), SAMPLE.exporterKey(), dir.resolve("x.csbundle"), BundleProgress.NONE));
        assertTrue(shortLog.getMessage().contains("rec_000008"), shortLog.getMessage());
    }

    @Test
    void unsafeIdsAreRefused() {
        Evidence e = SAMPLE.evidence();
        EvidenceItem first = e.items().get(0);
        var r = first.record();
        var renamed = new dev.countersign.model.api.DecisionRecordView("../evil", r.proposalId(), r.reviewer(),
                r.keyId(), r.verdict(), r.recordedAt(), r.logIndex(), r.envelope());
        List<EvidenceItem> items = List.of(new EvidenceItem(renamed, first.proposal(), first.context()));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> BundleWriter.write(
                new Evidence(items, e.reviewers(), e.gatewayPublicKey(), e.checkpoint(), e.log()),
                Bundles.export(SAMPLE), SAMPLE.exporterKey(), dir.resolve("x.csbundle"), BundleProgress.NONE));
        assertTrue(refused.getMessage().contains("../evil"));
    }
}
