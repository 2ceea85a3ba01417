package dev.countersign.model.bundle;

import dev.countersign.model.Decision;
import dev.countersign.model.Proposal;
import dev.countersign.model.ProposalContext;
import dev.countersign.model.api.DecisionRecordView;
import dev.countersign.model.api.ReviewerList;
import dev.countersign.model.api.ReviewerView;
import dev.countersign.model.crypto.KeyIds;
import dev.countersign.model.crypto.PublicKeys;
import dev.countersign.model.json.CanonicalJson;
import dev.countersign.model.json.Digests;
import dev.countersign.model.json.Json;
import dev.countersign.model.log.LogEntry;
import dev.countersign.model.record.DecisionRecords;
import dev.countersign.model.record.DsseEnvelope;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The evidence a bundle's files hold, read without trusting them: each file parsed strictly and required to be the
 * canonical JSON of what it holds (so that standard tools hash what Countersign hashes), each record's indexed facts
 * rebuilt from its signed payload and its log entry. What cannot be read is a finding at its file and left out.
 */
final class BundleAssembly {
    private final Map<String, byte[]> files;
    private final List<Finding> findings;
    private final Map<String, Object> parsed = new ConcurrentHashMap<>();
    private final KnownDigests known = new KnownDigests();

    private Evidence evidence;
    private final List<String> recordIds = new ArrayList<>();

    private BundleAssembly(Map<String, byte[]> files, List<Finding> findings) {
        this.files = files;
        this.findings = Collections.synchronizedList(findings);
    }

    /** Reads the records (and what they are bound to) on {@code threads} threads. */
    static BundleAssembly of(BundleManifest manifest, Map<String, byte[]> files, List<Finding> findings, int threads,
            BundleProgress progress) {
        BundleAssembly assembly = new BundleAssembly(files, findings);
        assembly.evidence = assembly.assemble(manifest, threads, progress);
        return assembly;
    }

    Evidence evidence() {
        return evidence;
    }

    /** The canonical sha256 of each record, proposal, context and log entry read from a canonical file. */
    KnownDigests known() {
        return known;
    }

    /** The manifest's record ids that can name a file, once each, in its order (whether or not the record was read). */
    List<String> recordIds() {
        return recordIds;
    }

    /** True if reviewers.json lists the key for the reviewer. */
    static boolean listedFor(byte[] reviewersJson, String reviewer, String keyId) {
        if (reviewersJson == null) {
            return false;
        }
        try {
            return Json.parse(reviewersJson, ReviewerList.class).reviewers().stream()
                    .anyMatch(r -> r.reviewer().equals(reviewer) && r.keys().stream()
                            .anyMatch(k -> k.keyId().equals(keyId)));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private Evidence assemble(BundleManifest manifest, int threads, BundleProgress progress) {
        String gatewayKey = gatewayKey(manifest);
        List<ReviewerView> reviewers = reviewers();
        DsseEnvelope checkpoint = canonical(BundleFormat.CHECKPOINT, DsseEnvelope.class);
        List<LogEntry> log = log(threads, progress);
        Map<String, LogEntry> byRecord = new HashMap<>();
        for (LogEntry entry : log) {
            byRecord.putIfAbsent(entry.recordId(), entry);
        }
        Set<String> ids = new HashSet<>();
        if (manifest.recordIds().isEmpty()) {
            findings.add(Finding.error(BundleFormat.MANIFEST, null, "no-records", "the bundle lists no records"));
        }
        for (String id : manifest.recordIds()) {
            if (!BundleFormat.safeId(id)) {
                findings.add(Finding.error(BundleFormat.MANIFEST, null, "bad-record-id", "the manifest lists record '"
                        + BundleReader.shown(String.valueOf(id)) + "', which cannot name a file"));
                continue;
            }
            if (!ids.add(id)) {
                findings.add(Finding.error(BundleFormat.MANIFEST, id, "record-listed-twice",
                        "the manifest lists this record twice"));
                continue;
            }
            recordIds.add(id);
        }
        List<EvidenceItem> items = new ArrayList<>(recordIds.size());
        for (EvidenceItem item : Parallel.map(recordIds, threads, id -> item(id, byRecord.get(id)), progress, () -> { })) {
            if (item != null) {
                items.add(item);
            }
        }
        for (String path : files.keySet()) {
            if (path.startsWith("records/")) {
                String id = path.substring("records/".length(), path.length() - ".json".length());
                if (!ids.contains(id)) {
                    findings.add(Finding.error(path, id, "record-not-listed",
                            "the manifest's record ids do not name this record"));
                }
            }
        }
        return new Evidence(items, reviewers, gatewayKey, checkpoint, log);
    }

    private String gatewayKey(BundleManifest manifest) {
        byte[] pem = files.get(BundleFormat.GATEWAY_KEY);
        if (pem == null) {
            return null;
        }
        try {
            PublicKey key = PublicKeys.fromPem(new String(pem, StandardCharsets.US_ASCII));
            if (!KeyIds.of(key).equals(manifest.gatewayKeyId())) {
                findings.add(Finding.error(BundleFormat.GATEWAY_KEY, null, "gateway-key-id", "the gateway key's id is "
                        + KeyIds.of(key) + " but the manifest names " + manifest.gatewayKeyId()));
            }
            return PublicKeys.toBase64(key);
        } catch (IllegalArgumentException e) {
            findings.add(Finding.error(BundleFormat.GATEWAY_KEY, null, "key-unreadable",
                    "the gateway key cannot be read: " + e.getMessage()));
            return null;
        }
    }

    /** The reviewers as listed, each key's public key filled in from its key file when the listing lacks it. */
    private List<ReviewerView> reviewers() {
        ReviewerList list = canonical(BundleFormat.REVIEWERS, ReviewerList.class);
        if (list == null) {
            return List.of();
        }
        List<ReviewerView> reviewers = new ArrayList<>();
        for (ReviewerView reviewer : list.reviewers()) {
            List<ReviewerView.Key> keys = new ArrayList<>();
            for (ReviewerView.Key key : reviewer.keys()) {
                String fromFile = key.publicKey() == null ? keyFile(key.keyId()) : null;
                keys.add(fromFile == null ? key : new ReviewerView.Key(key.keyId(), key.algorithm(), key.enrolledAt(),
                        key.revokedAt(), key.revokedReason(), fromFile, key.rotationProof()));
            }
            reviewers.add(new ReviewerView(reviewer.reviewer(), reviewer.displayName(), reviewer.roles(), keys,
                    reviewer.rights()));
        }
        // every key file must hold the key its name says
        for (String path : files.keySet()) {
            if (path.startsWith("keys/") && !path.equals(BundleFormat.GATEWAY_KEY)) {
                keyFile(path.substring("keys/".length(), path.length() - ".pub.pem".length()));
            }
        }
        return reviewers;
    }

    private String keyFile(String keyId) {
        String path = BundleFormat.keyPath(keyId);
        byte[] pem = files.get(path);
        if (pem == null || !BundleFormat.hex64(keyId)) {
            return null;
        }
        Object cached = parsed.get(path);
        if (cached != null) {
            return cached instanceof String s ? s : null;
        }
        try {
            PublicKey key = PublicKeys.fromPem(new String(pem, StandardCharsets.US_ASCII));
            if (!KeyIds.of(key).equals(keyId)) {
                findings.add(Finding.error(path, null, "key-id-mismatch", "the file holds key " + KeyIds.of(key)
                        + ", not the key its name says"));
                parsed.put(path, Boolean.FALSE);
                return null;
            }
            String base64 = PublicKeys.toBase64(key);
            parsed.put(path, base64);
            return base64;
        } catch (IllegalArgumentException e) {
            findings.add(Finding.error(path, null, "key-unreadable", "the key cannot be read: " + e.getMessage()));
            parsed.put(path, Boolean.FALSE);
            return null;
        }
    }

    /** One line of the log read: the entry, or what is wrong with the line. */
    private record Line(LogEntry entry, Finding finding) {}

    private List<LogEntry> log(int threads, BundleProgress progress) {
        byte[] bytes = files.get(BundleFormat.LOG_ENTRIES);
        if (bytes == null) {
            return List.of();
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!text.isEmpty() && !lines.get(lines.size() - 1).isEmpty()) {
            findings.add(Finding.error(BundleFormat.LOG_ENTRIES, null, "entry-truncated",
                    "the last line does not end with a newline: the file was cut short"));
        } else {
            lines.remove(lines.size() - 1);
        }
        List<Integer> numbers = java.util.stream.IntStream.range(0, lines.size()).boxed().toList();
        List<LogEntry> entries = new ArrayList<>(lines.size());
        for (Line line : Parallel.map(numbers, threads, i -> line(i + 1, lines.get(i)), progress, () -> { })) {
            if (line.finding() != null) {
                findings.add(line.finding());
            }
            if (line.entry() != null) {
                entries.add(line.entry());
            }
        }
        return entries;
    }

    private Line line(int number, String text) {
        try {
            LogEntry entry = Json.parse(text, LogEntry.class);
            byte[] canonical = CanonicalJson.bytes(entry);
            if (!Arrays.equals(canonical, text.getBytes(StandardCharsets.UTF_8))) {
                return new Line(entry, Finding.error(BundleFormat.LOG_ENTRIES, entry.recordId(), "not-canonical",
                        "line " + number + " is not the canonical JSON of its entry"));
            }
            known.put(entry, Digests.sha256Hex(canonical));
            return new Line(entry, null);
        } catch (RuntimeException e) {
            return new Line(null, Finding.error(BundleFormat.LOG_ENTRIES, null, "entry-unreadable",
                    "line " + number + " cannot be read: " + e.getMessage()));
        }
    }

    /** The record with what it is bound to, or null (with a finding) when the record itself cannot be read. */
    private EvidenceItem item(String id, LogEntry entry) {
        String path = BundleFormat.recordPath(id);
        DsseEnvelope envelope = canonical(path, DsseEnvelope.class, id);
        if (envelope == null) {
            if (!files.containsKey(path)) {
                findings.add(Finding.error(path, id, "record-missing", "the record is not in the bundle"));
            }
            return null;
        }
        Decision decision;
        try {
            decision = Json.convert(DecisionRecords.readStatement(envelope).predicate(), Decision.class);
        } catch (RuntimeException e) {
            findings.add(Finding.error(path, id, "record-unreadable", "the record's decision cannot be read: "
                    + e.getMessage()));
            return null;
        }
        long index = entry == null ? -1 : entry.index();
        DecisionRecordView view = new DecisionRecordView(id, decision.proposalId(), decision.reviewer(),
                decision.keyId(), decision.verdict(), entry == null ? decision.decidedAt() : entry.recordedAt(), index,
                envelope);
        Proposal proposal = BundleFormat.safeId(decision.proposalId()) ? canonical(
                BundleFormat.proposalPath(decision.proposalId(), decision.proposalVersion()), Proposal.class, id) : null;
        ProposalContext context = BundleFormat.hex64(decision.contextDigest())
                ? canonical(BundleFormat.contextPath(decision.contextDigest()), ProposalContext.class, id) : null;
        return new EvidenceItem(view, proposal, context);
    }

    private <T> T canonical(String path, Class<T> type) {
        return canonical(path, type, null);
    }

    /** The file parsed (once), or null with a finding when it cannot be, or is not canonical JSON. */
    private <T> T canonical(String path, Class<T> type, String recordId) {
        if (!files.containsKey(path)) {
            return null;
        }
        Object value = parsed.computeIfAbsent(path, p -> parse(p, type, recordId));
        return type.isInstance(value) ? type.cast(value) : null;
    }

    private Object parse(String path, Class<?> type, String recordId) {
        byte[] bytes = files.get(path);
        try {
            Object value = Json.parse(bytes, type);
            if (!Arrays.equals(bytes, CanonicalJson.bytes(value))) {
                findings.add(Finding.error(path, recordId, "not-canonical",
                        "the file is not the canonical JSON of what it holds, so its sha256 is not the one signed"));
            } else {
                known.put(value, Digests.sha256Hex(bytes));
            }
            return value;
        } catch (RuntimeException e) {
            findings.add(Finding.error(path, recordId, "unreadable", "the file cannot be read: " + e.getMessage()));
            return Boolean.FALSE;
        }
    }
}
