package dev.countersign.model.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.countersign.model.Decision;
import dev.countersign.model.Proposal;
import dev.countersign.model.crypto.SoftwareSigner;
import dev.countersign.model.json.CanonicalJson;
import dev.countersign.model.json.Digests;
import dev.countersign.model.json.Json;
import dev.countersign.model.log.LogEntry;
import dev.countersign.model.record.DecisionRecords;
import dev.countersign.model.record.Dsse;
import dev.countersign.model.record.DsseEnvelope;
import dev.countersign.model.record.DsseSignature;
import dev.countersign.model.testing.EvidenceSamples;
import dev.countersign.model.testing.Samples;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6, item 4: a tampered, truncated or hostile bundle is refused or marked at the exact file and record, never
 * crashes the verifier, and nothing is written anywhere. Each test mutates a freshly written bundle in one way.
 */
class BundleMutationTest {
    private static final EvidenceSamples.Sample SAMPLE = EvidenceSamples.build(10);
    private static final PublicKey GATEWAY = SAMPLE.gatewayKey().publicKey();
    /** The seed of the random byte flips; a failure message repeats it. */
    private static final long SEED = Long.getLong("bundle.mutation.seed", 20261202L);

    @TempDir
    Path dir;
    private Path bundle;
    private Map<String, byte[]> members;
    private Map<String, String> before;
    private Map<String, String> moduleBefore;

    @BeforeEach
    void writeBundle() throws Exception {
        bundle = Bundles.write(SAMPLE, dir, "evidence");
        members = Bundles.members(bundle);
        moduleBefore = tree(Path.of("").toAbsolutePath(), Path.of("target"));
        before = tree(dir, null);
    }

    @AfterEach
    void nothingWasWritten() throws IOException {
        Map<String, String> after = tree(dir, null);
        after.keySet().removeIf(name -> name.startsWith("mutated"));
        before.keySet().removeIf(name -> name.startsWith("mutated"));
        assertEquals(before, after, "the verifier wrote nothing in the bundle's folder");
        assertEquals(moduleBefore, tree(Path.of("").toAbsolutePath(), Path.of("target")),
                "the verifier wrote nothing in the working folder");
        assertFalse(Files.exists(dir.getParent().resolve("evil.txt")));
    }

    @Test
    void theIntactBundleIsValid() {
        BundleReport report = verify(bundle);
        assertEquals(BundleReport.Status.VALID, report.status(), BundleReports.text(report));
    }

    @Test
    void namesThatEscapeTheFolderAreReportedAtThatNameAndNeverRead() throws Exception {
        for (String name : List.of("../evil.txt", "/etc/evil.txt", "records/../../evil.txt", "records\\evil.json",
                "C:/evil.txt", "c:evil.txt", "records/rec\u0007.json", "records//x.json", "./VERIFY.md")) {
            Map<String, byte[]> changed = new LinkedHashMap<>(members);
            changed.put(name, "{}".getBytes(StandardCharsets.UTF_8));
            BundleReport report = verify(zip(changed));
            assertReportedAt(report, BundleReader.shown(name), null, name);
            assertEquals("bad-name", codeAt(report, BundleReader.shown(name)));
        }
    }

    @Test
    void filesOutsideTheLayoutAreReportedAtTheirName() throws Exception {
        for (String name : List.of("notes.txt", "records/x.exe", "keys/other.pem", "proposals/p/v0.json", "run.sh")) {
            Map<String, byte[]> changed = new LinkedHashMap<>(members);
            changed.put(name, new byte[] {1, 2, 3});
            assertReportedAt(verify(zip(changed)), name, null, name);
        }
    }

    @Test
    void aZipBombIsStoppedAtItsFile() throws Exception {
        Map<String, byte[]> changed = new LinkedHashMap<>(members);
        changed.put(BundleFormat.VERIFY_GUIDE, new byte[48 << 20]);
        BundleReport report = verify(zip(changed));
        assertReportedAt(report, BundleFormat.VERIFY_GUIDE, null, "zip bomb");
        assertEquals("zip-bomb", codeAt(report, BundleFormat.VERIFY_GUIDE));
    }

    @Test
    void oversizedFilesAreStoppedByTheBytesReadNotTheSizeDeclared() throws Exception {
        Map<String, byte[]> changed = new LinkedHashMap<>(members);
        byte[] big = new byte[200_000];
        new Random(SEED).nextBytes(big);
        changed.put(BundleFormat.VERIFY_GUIDE, big);
        Path mutated = zip(changed);
        lieAboutSize(mutated, BundleFormat.VERIFY_GUIDE, 100);
        BundleReader.Limits small = new BundleReader.Limits(1000, 100_000, 10_000_000, 100);
        BundleReport report = BundleVerifier.verify(mutated, GATEWAY, 2, BundleProgress.NONE, null, small);
        assertEquals("too-large", codeAt(report, BundleFormat.VERIFY_GUIDE), BundleReports.text(report));
        BundleReader.Limits few = new BundleReader.Limits(5, 100_000, 10_000_000, 100);
        BundleReport tooMany = BundleVerifier.verify(bundle, GATEWAY, 2, BundleProgress.NONE, null, few);
        assertEquals(BundleReport.Status.UNREADABLE, tooMany.status(), "the manifest comes last, past the limit");
        assertTrue(tooMany.findings().stream().anyMatch(f -> f.code().equals("too-many-entries")));
    }

    @Test
    void duplicateEntriesAreReportedIncludingOnesThatDifferOnlyInCase() throws Exception {
        String record = BundleFormat.recordPath(SAMPLE.recordIds().get(4));
        String twin = record.replace(".json", ".jsoX");
        Map<String, byte[]> changed = new LinkedHashMap<>(members);
        changed.put(twin, members.get(record));
        Path mutated = zip(changed);
        byte[] bytes = Files.readAllBytes(mutated);
        Files.write(mutated, replaceAll(bytes, twin.getBytes(StandardCharsets.UTF_8),
                record.getBytes(StandardCharsets.UTF_8)));
        BundleReport report = verify(mutated);
        assertEquals("duplicate", codeAt(report, record));
        assertReportedAt(report, record, SAMPLE.recordIds().get(4), "duplicate");

        Map<String, byte[]> cased = new LinkedHashMap<>(members);
        cased.put(record.toUpperCase(java.util.Locale.ROOT).replace("RECORDS/", "records/"), members.get(record));
        assertTrue(verify(zip(cased)).findings().stream().anyMatch(f -> f.code().equals("duplicate-case")));
    }

    @Test
    void aWrongRecordSignatureIsReportedAtTheRecordEvenWhenTheManifestIsResigned() throws Exception {
        String id = SAMPLE.recordIds().get(3);
        String path = BundleFormat.recordPath(id);
        DsseEnvelope envelope = Json.parse(members.get(path), DsseEnvelope.class);
        members.put(path, CanonicalJson.bytes(flip(envelope)));
        BundleReport report = verify(resigned(members, null));
        assertReportedAt(report, path, id, "signature");
        RecordCheck check = check(report, id);
        assertEquals(RecordCheck.State.FAILED, check.signature());
        assertEquals(1, report.result().records().stream().filter(r -> !r.verified()).count());
    }

    @Test
    void aWrongCheckpointSignatureIsReportedAtTheCheckpoint() throws Exception {
        DsseEnvelope checkpoint = Json.parse(members.get(BundleFormat.CHECKPOINT), DsseEnvelope.class);
        members.put(BundleFormat.CHECKPOINT, CanonicalJson.bytes(flip(checkpoint)));
        BundleReport report = verify(resigned(members, null));
        assertEquals("checkpoint-signature", codeAt(report, BundleFormat.CHECKPOINT));
        assertTrue(report.result().records().stream().allMatch(r -> r.inLog() == RecordCheck.State.FAILED));
    }

    @Test
    void aWrongManifestSignatureIsReportedAtTheSignature() throws Exception {
        DsseEnvelope signature = Json.parse(members.get(BundleFormat.MANIFEST_SIGNATURE), DsseEnvelope.class);
        members.put(BundleFormat.MANIFEST_SIGNATURE, CanonicalJson.bytes(flip(signature)));
        assertEquals("manifest-signature", codeAt(verify(zip(members)), BundleFormat.MANIFEST_SIGNATURE));

        SoftwareSigner stranger = new SoftwareSigner(Samples.freshEd25519());
        Map<String, byte[]> byStranger = new LinkedHashMap<>(Bundles.members(bundle));
        byStranger.put(BundleFormat.MANIFEST_SIGNATURE, CanonicalJson.bytes(Dsse.sign(
                BundleFormat.MANIFEST_PAYLOAD_TYPE, byStranger.get(BundleFormat.MANIFEST), stranger)));
        assertEquals("manifest-signature", codeAt(verify(zip(byStranger)), BundleFormat.MANIFEST_SIGNATURE));
    }

    @Test
    void everyMissingFileIsReportedAtItsName() throws Exception {
        for (String name : new ArrayList<>(members.keySet())) {
            Map<String, byte[]> changed = new LinkedHashMap<>(members);
            changed.remove(name);
            BundleReport report = verify(zip(changed));
            assertReportedAt(report, name, recordOf(name), "missing " + name);
            if (name.equals(BundleFormat.MANIFEST)) {
                assertEquals(BundleReport.Status.UNREADABLE, report.status());
            }
        }
    }

    @Test
    void aFileTheManifestDoesNotListIsReported() throws Exception {
        String extra = BundleFormat.contextPath("ab".repeat(32));
        members.put(extra, "{}".getBytes(StandardCharsets.UTF_8));
        assertEquals("not-in-manifest", codeAt(verify(zip(members)), extra));
    }

    @Test
    void aRecordOutsideTheCheckpointIsReportedAtTheLogAndTheRecord() throws Exception {
        // A reviewer's genuine key signs one more decision, appended to the log past the signed checkpoint.
        EvidenceItem model = SAMPLE.item(SAMPLE.recordIds().get(0));
        SoftwareSigner amara = SAMPLE.keysById().get(model.record().keyId());
        Proposal proposal = model.proposal();
        Decision d = Json.convert(DecisionRecords.readStatement(model.record().envelope()).predicate(), Decision.class);
        Decision late = new Decision(d.proposalId(), d.proposalVersion(), d.contextDigest(), d.verdict(),
                d.reasonCode(), "Late.", null, d.reviewer(), d.keyId(), "nonce-late", EvidenceSamples.decidedAt(10),
                d.agentId(), d.policyId(), d.policyVersion(), d.consoleVersion());
        DsseEnvelope envelope = DecisionRecords.sign(DecisionRecords.statement(proposal, late), amara);
        List<LogEntry> log = SAMPLE.evidence().log();
        LogEntry last = log.get(log.size() - 1);
        LogEntry extra = new LogEntry(log.size(), "rec_late", proposal.id(), Digests.canonicalSha256(envelope),
                EvidenceSamples.decidedAt(10).plusSeconds(1), last.entryHash());
        members.put(BundleFormat.recordPath("rec_late"), CanonicalJson.bytes(envelope));
        String entries = new String(members.get(BundleFormat.LOG_ENTRIES), StandardCharsets.UTF_8)
                + CanonicalJson.string(extra) + "\n";
        members.put(BundleFormat.LOG_ENTRIES, entries.getBytes(StandardCharsets.UTF_8));
        BundleReport report = verify(resigned(members, "rec_late"));
        assertEquals(BundleReport.Status.INVALID, report.status());
        assertEquals("log-chain", codeAt(report, BundleFormat.LOG_ENTRIES));
        RecordCheck check = check(report, "rec_late");
        assertEquals(RecordCheck.State.FAILED, check.inLog());
        assertEquals(RecordCheck.State.OK, check.signature());
        assertTrue(check.findings().stream().anyMatch(f -> f.code().equals("outside-checkpoint")
                && f.file().equals(BundleFormat.LOG_ENTRIES) && "rec_late".equals(f.recordId())));
    }

    @Test
    void tamperedFilesAreReportedAtTheFileAndRecord() throws Exception {
        String id = SAMPLE.recordIds().get(6);
        EvidenceItem item = SAMPLE.item(id);
        for (String name : List.of(BundleFormat.recordPath(id),
                BundleFormat.proposalPath(item.proposal().id(), item.proposal().version()),
                BundleFormat.contextPath(Digests.canonicalSha256(item.context())), BundleFormat.REVIEWERS,
                BundleFormat.LOG_ENTRIES, BundleFormat.GATEWAY_KEY)) {
            Map<String, byte[]> changed = new LinkedHashMap<>(members);
            String text = new String(changed.get(name), StandardCharsets.UTF_8);
            String tampered = name.equals(BundleFormat.REVIEWERS)
                    ? text.replace(EvidenceSamples.ENROLLED.toString(), "2026-12-01T08:00:00Z") // enrolled too late
                    : text.replaceFirst("[0-9]", "7").replaceFirst("[a-f]", "e");
            assertNotEquals(text, tampered);
            changed.put(name, tampered.getBytes(StandardCharsets.UTF_8));
            assertReportedAt(verify(zip(changed)), name, recordOf(name), "tampered " + name);
            // with the manifest re-signed, the check of what the file holds still finds it
            Map<String, byte[]> resigned = new LinkedHashMap<>(changed);
            BundleReport deep = verify(resigned(resigned, null));
            assertNotEquals(BundleReport.Status.VALID, deep.status(), "re-signed " + name);
        }
    }

    @Test
    void aTruncatedBundleIsRefusedWithoutACrash() throws Exception {
        byte[] bytes = Files.readAllBytes(bundle);
        for (int cut : new int[] {0, 1, 22, bytes.length / 3, bytes.length / 2, bytes.length - 23, bytes.length - 1}) {
            Path truncated = Files.write(dir.resolve("mutated-cut-" + cut + ".csbundle"),
                    java.util.Arrays.copyOf(bytes, cut));
            BundleReport report = verify(truncated);
            assertNotEquals(BundleReport.Status.VALID, report.status(), "cut at " + cut);
            assertFalse(report.findings().isEmpty());
            BundleReports.text(report);
            BundleReports.json(report);
        }
    }

    @Test
    void randomSingleByteFlipsOverEveryFileAreReportedAtThatFile() throws Exception {
        Random random = new Random(SEED);
        int flips = 0;
        for (String name : new ArrayList<>(members.keySet())) {
            for (int round = 0; round < 3; round++) {
                Map<String, byte[]> changed = new LinkedHashMap<>(members);
                byte[] content = changed.get(name).clone();
                int at = random.nextInt(content.length);
                content[at] ^= (byte) (1 + random.nextInt(255));
                changed.put(name, content);
                BundleReport report = verify(zip(changed));
                String what = "seed " + SEED + ": " + name + " byte " + at;
                assertReportedAt(report, name, recordOf(name), what);
                BundleReports.text(report);
                BundleReports.json(report);
                flips++;
            }
        }
        assertEquals(members.size() * 3, flips);
    }

    // ---- helpers

    private BundleReport verify(Path file) {
        try {
            return BundleVerifier.verify(file, GATEWAY, 2, BundleProgress.NONE);
        } catch (RuntimeException e) {
            fail("the verifier threw for " + file.getFileName() + ": " + e, e);
            return null;
        }
    }

    private int zips;

    private Path zip(Map<String, byte[]> changed) throws IOException {
        return Bundles.zip(dir.resolve("mutated-" + (++zips) + ".csbundle"), changed);
    }

    /** The members with the manifest's hashes brought up to date (and a record id added) and signed again. */
    private Path resigned(Map<String, byte[]> changed, String addRecord) throws Exception {
        BundleManifest old = Json.parse(changed.get(BundleFormat.MANIFEST), BundleManifest.class);
        List<BundleManifest.FileEntry> files = new ArrayList<>();
        for (Map.Entry<String, byte[]> member : changed.entrySet()) {
            if (!member.getKey().equals(BundleFormat.MANIFEST) && !member.getKey().equals(BundleFormat.MANIFEST_SIGNATURE)) {
                files.add(new BundleManifest.FileEntry(member.getKey(), member.getValue().length,
                        Digests.sha256Hex(member.getValue())));
            }
        }
        List<String> ids = new ArrayList<>(old.recordIds());
        if (addRecord != null) {
            ids.add(addRecord);
        }
        BundleManifest manifest = new BundleManifest(old.format(), old.exportedBy(), old.exporterKeyId(),
                old.exportedAt(), old.producer(), old.gatewayKeyId(), ids, files);
        byte[] bytes = CanonicalJson.bytes(manifest);
        Map<String, byte[]> out = new LinkedHashMap<>(changed);
        out.put(BundleFormat.MANIFEST, bytes);
        out.put(BundleFormat.MANIFEST_SIGNATURE, CanonicalJson.bytes(Dsse.sign(BundleFormat.MANIFEST_PAYLOAD_TYPE,
                bytes, SAMPLE.exporterKey())));
        return zip(out);
    }

    private static DsseEnvelope flip(DsseEnvelope envelope) {
        DsseSignature s = envelope.signatures().get(0);
        byte[] sig = Base64.getDecoder().decode(s.sig());
        sig[7] ^= 0x20;
        return new DsseEnvelope(envelope.payloadType(), envelope.payload(),
                List.of(new DsseSignature(s.keyid(), Base64.getEncoder().encodeToString(sig))));
    }

    private static String recordOf(String name) {
        if (name.startsWith("records/") && name.endsWith(".json")) {
            return name.substring("records/".length(), name.length() - ".json".length());
        }
        return null;
    }

    private static void assertReportedAt(BundleReport report, String file, String recordId, String what) {
        assertNotEquals(BundleReport.Status.VALID, report.status(), what);
        boolean found = report.findings().stream().anyMatch(f -> f.severity() == Finding.Severity.ERROR
                && file.equals(f.file()) && (recordId == null || recordId.equals(f.recordId())));
        assertTrue(found, what + ": no error at " + file + (recordId == null ? "" : " [" + recordId + "]") + " in\n"
                + BundleReports.text(report));
    }

    private static String codeAt(BundleReport report, String file) {
        return report.findings().stream().filter(f -> file.equals(f.file())).map(Finding::code).findFirst()
                .orElse("(no finding at " + file + ": " + report.findings() + ")");
    }

    private static RecordCheck check(BundleReport report, String id) {
        return report.result().records().stream().filter(r -> r.recordId().equals(id)).findFirst().orElseThrow();
    }

    private static byte[] replaceAll(byte[] bytes, byte[] from, byte[] to) {
        byte[] out = bytes.clone();
        for (int i = 0; i + from.length <= out.length; i++) {
            if (java.util.Arrays.equals(out, i, i + from.length, from, 0, from.length)) {
                System.arraycopy(to, 0, out, i, to.length);
            }
        }
        return out;
    }

    /** Rewrites the central directory's uncompressed size of one entry. */
    private static void lieAboutSize(Path zip, String name, int size) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 46 < bytes.length; i++) {
            if (bytes[i] == 0x50 && bytes[i + 1] == 0x4b && bytes[i + 2] == 0x01 && bytes[i + 3] == 0x02
                    && java.util.Arrays.equals(bytes, i + 46, i + 46 + nameBytes.length, nameBytes, 0, nameBytes.length)) {
                bytes[i + 24] = (byte) size;
                bytes[i + 25] = (byte) (size >> 8);
                bytes[i + 26] = 0;
                bytes[i + 27] = 0;
            }
        }
        Files.write(zip, bytes);
    }

    /** Every file under root (but not under skip) with its size and modification time. */
    private static Map<String, String> tree(Path root, Path skip) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path relative = root.relativize(p);
                if (skip != null && relative.startsWith(skip)) {
                    continue;
                }
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                files.put(relative.toString(), a.isDirectory() ? "folder" : a.size() + "@" + a.lastModifiedTime());
            }
        }
        return files;
    }
}
