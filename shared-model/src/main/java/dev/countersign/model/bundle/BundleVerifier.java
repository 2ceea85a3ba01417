package dev.countersign.model.bundle;

import dev.countersign.model.crypto.KeyIds;
import dev.countersign.model.crypto.PublicKeys;
import dev.countersign.model.json.CanonicalJson;
import dev.countersign.model.json.Json;
import dev.countersign.model.record.Dsse;
import dev.countersign.model.record.DsseEnvelope;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Provider;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * Verifies a bundle file offline. It reads the zip with limits (entry count, sizes, compression ratio, names) and
 * never extracts anything to disk; it never throws for what the file holds: a hostile or broken bundle gives a report
 * whose findings name the file and record.
 */
public final class BundleVerifier {
    private BundleVerifier() {}

    /** @param pinnedGatewayKey the gateway key the auditor trusts, or null to take the bundle's own (a warning) */
    public static BundleReport verify(Path bundle, PublicKey pinnedGatewayKey, int threads, BundleProgress progress) {
        return verify(bundle, pinnedGatewayKey, threads, progress, null);
    }

    /**
     * As {@link #verify(Path, PublicKey, int, BundleProgress)}, with the records' signatures checked by the given JCA
     * provider (null for the JDK's); see {@link EvidenceVerifier#verify(Evidence, PublicKey, int, Provider)}.
     *
     * @throws CancellationException when {@code progress} says so
     */
    public static BundleReport verify(Path bundle, PublicKey pinnedGatewayKey, int threads, BundleProgress progress,
            Provider provider) {
        try {
            return verify(bundle, pinnedGatewayKey, threads, progress, provider, BundleReader.Limits.DEFAULT);
        } catch (OutOfMemoryError e) {
            // within the limits, but not within this JVM's heap: the bundle's buffers are garbage once this throws
            return unreadable(String.valueOf(bundle), null, List.of(Finding.error(null, null, "too-large-for-memory",
                    "the bundle does not fit in the memory this program may use; run the verify command with a"
                            + " larger heap (JAVA_TOOL_OPTIONS=-Xmx4g)")));
        }
    }

    static BundleReport verify(Path bundle, PublicKey pinnedGatewayKey, int threads, BundleProgress progress,
            Provider provider, BundleReader.Limits limits) {
        String file = String.valueOf(bundle);
        BundleReader.Files files;
        try {
            files = BundleReader.read(bundle, limits, threads);
        } catch (BundleReader.Unreadable e) {
            return unreadable(file, null, List.of(Finding.error(null, null, "not-a-bundle", e.getMessage())));
        }
        List<Finding> findings = new ArrayList<>(files.findings());
        try {
            byte[] manifestBytes = files.files().get(BundleFormat.MANIFEST);
            if (manifestBytes == null) {
                findings.add(Finding.error(BundleFormat.MANIFEST, null, "missing", "the bundle has no manifest"));
                return unreadable(file, null, findings);
            }
            BundleManifest manifest;
            try {
                manifest = Json.parse(manifestBytes, BundleManifest.class);
            } catch (RuntimeException e) {
                findings.add(Finding.error(BundleFormat.MANIFEST, null, "manifest-unreadable",
                        "the manifest cannot be read: " + e.getMessage()));
                return unreadable(file, null, findings);
            }
            if (!BundleFormat.FORMAT.equals(manifest.format())) {
                findings.add(Finding.error(BundleFormat.MANIFEST, null, "unknown-format", "the bundle's format is '"
                        + manifest.format() + "'; this version reads " + BundleFormat.FORMAT));
                return unreadable(file, manifest, findings);
            }
            if (!Arrays.equals(manifestBytes, CanonicalJson.bytes(manifest))) {
                findings.add(Finding.error(BundleFormat.MANIFEST, null, "not-canonical",
                        "the manifest is not the canonical JSON of what it holds"));
            }
            checkFiles(manifest, files.files(), findings, threads);
            checkSignature(manifest, manifestBytes, files.files(), findings);
            BundleAssembly assembly = BundleAssembly.of(manifest, files.files(), findings, threads, progress);
            EvidenceResult result = EvidenceVerifier.check(assembly.evidence(), pinnedGatewayKey, threads, provider,
                    true, progress, assembly.known());
            findings.addAll(result.findings());
            for (RecordCheck check : result.records()) {
                findings.addAll(check.findings());
            }
            result = withUnreadRecords(result, assembly.recordIds(), findings);
            boolean invalid = findings.stream().anyMatch(f -> f.severity() == Finding.Severity.ERROR)
                    || result.records().stream().anyMatch(r -> !r.verified());
            return new BundleReport(invalid ? BundleReport.Status.INVALID : BundleReport.Status.VALID, file, manifest,
                    assembly.evidence(), result, inFileOrder(findings));
        } catch (CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            findings.add(Finding.error(null, null, "unexpected", "the bundle could not be checked to the end: " + e));
            return new BundleReport(BundleReport.Status.INVALID, file, null, null, null, inFileOrder(findings));
        }
    }

    /** The checks in the manifest's order, with a failed check for each record that could not even be read. */
    private static EvidenceResult withUnreadRecords(EvidenceResult result, List<String> recordIds,
            List<Finding> findings) {
        Map<String, RecordCheck> checked = new java.util.HashMap<>();
        for (RecordCheck check : result.records()) {
            checked.put(check.recordId(), check);
        }
        List<RecordCheck> all = new ArrayList<>(recordIds.size());
        for (String id : recordIds) {
            RecordCheck check = checked.get(id);
            if (check == null) {
                List<Finding> own = findings.stream().filter(f -> id.equals(f.recordId())).toList();
                RecordCheck.State unknown = RecordCheck.State.UNKNOWN;
                check = new RecordCheck(id, -1, null, RecordCheck.State.FAILED, unknown, unknown, unknown, unknown, own);
            }
            all.add(check);
        }
        return new EvidenceResult(result.gatewayKeyId(), result.checkpoint(), all, result.findings());
    }

    private static BundleReport unreadable(String file, BundleManifest manifest, List<Finding> findings) {
        return new BundleReport(BundleReport.Status.UNREADABLE, file, manifest, null, null, inFileOrder(findings));
    }

    /** Every file listed is there with its size and sha256; every file there is listed; the layout is complete. */
    private static void checkFiles(BundleManifest manifest, Map<String, byte[]> files, List<Finding> findings,
            int threads) {
        // every file's sha256, on the given threads: tens of thousands of small files
        List<String> paths = new ArrayList<>(files.keySet());
        List<String> hashes = Parallel.map(paths, threads,
                path -> dev.countersign.model.json.Digests.sha256Hex(files.get(path)), BundleProgress.NONE, () -> { });
        Map<String, String> sha256 = new java.util.HashMap<>();
        for (int i = 0; i < paths.size(); i++) {
            sha256.put(paths.get(i), hashes.get(i));
        }
        Set<String> listed = new HashSet<>();
        for (BundleManifest.FileEntry entry : manifest.files()) {
            String path = entry.path();
            if (path == null || BundleReader.nameProblem(path) != null || path.equals(BundleFormat.MANIFEST)
                    || path.equals(BundleFormat.MANIFEST_SIGNATURE)) {
                findings.add(Finding.error(BundleFormat.MANIFEST, null, "bad-listing", "the manifest lists a file it"
                        + " may not: '" + BundleReader.shown(String.valueOf(path)) + "'"));
                continue;
            }
            if (!listed.add(path)) {
                findings.add(Finding.error(BundleReader.shown(path), null, "listed-twice",
                        "the manifest lists this file twice"));
                continue;
            }
            byte[] bytes = files.get(path);
            if (bytes == null) {
                findings.add(Finding.error(BundleReader.shown(path), null, "missing",
                        "the manifest lists this file but the bundle does not hold it (or it could not be read)"));
            } else if (bytes.length != entry.size()
                    || !dev.countersign.model.json.Digests.equal(sha256.get(path), entry.sha256())) {
                findings.add(Finding.error(path, null, "hash-mismatch", "the file's size or sha256 is not the one the"
                        + " manifest lists: it was altered"));
            }
        }
        for (String path : files.keySet()) {
            if (!listed.contains(path) && !path.equals(BundleFormat.MANIFEST)
                    && !path.equals(BundleFormat.MANIFEST_SIGNATURE)) {
                findings.add(Finding.error(path, null, "not-in-manifest", "the manifest does not list this file"));
            }
        }
        for (String required : List.of(BundleFormat.MANIFEST_SIGNATURE, BundleFormat.VERIFY_GUIDE,
                BundleFormat.GATEWAY_KEY, BundleFormat.REVIEWERS, BundleFormat.CHECKPOINT, BundleFormat.LOG_ENTRIES)) {
            if (!files.containsKey(required) && !listed.contains(required)) {
                findings.add(Finding.error(required, null, "missing", "every bundle holds this file"));
            }
        }
    }

    /** The manifest is signed by the exporter's key, which the bundle carries and lists for the exporter. */
    private static void checkSignature(BundleManifest manifest, byte[] manifestBytes, Map<String, byte[]> files,
            List<Finding> findings) {
        byte[] bytes = files.get(BundleFormat.MANIFEST_SIGNATURE);
        if (bytes == null) {
            return; // reported as missing
        }
        String file = BundleFormat.MANIFEST_SIGNATURE;
        DsseEnvelope envelope;
        try {
            envelope = Json.parse(bytes, DsseEnvelope.class);
        } catch (RuntimeException e) {
            findings.add(Finding.error(file, null, "signature-unreadable", "the manifest's signature cannot be read: "
                    + e.getMessage()));
            return;
        }
        String keyId = manifest.exporterKeyId();
        if (!BundleFormat.MANIFEST_PAYLOAD_TYPE.equals(envelope.payloadType())) {
            findings.add(Finding.error(file, null, "manifest-signature", "the payload type is '"
                    + envelope.payloadType() + "', expected " + BundleFormat.MANIFEST_PAYLOAD_TYPE));
            return;
        }
        byte[] payload;
        try {
            payload = envelope.payloadBytes();
        } catch (IllegalArgumentException e) {
            findings.add(Finding.error(file, null, "manifest-signature", "the payload is not valid base64"));
            return;
        }
        if (keyId == null || !BundleFormat.hex64(keyId)) {
            findings.add(Finding.error(BundleFormat.MANIFEST, null, "manifest-signature",
                    "the manifest names no valid exporter key id"));
            return;
        }
        String keyFile = BundleFormat.keyPath(keyId);
        byte[] pem = files.get(keyFile);
        if (pem == null) {
            findings.add(Finding.error(keyFile, null, "exporter-key-missing", "the exporter's key is not in the bundle"));
            return;
        }
        PublicKey key;
        try {
            key = PublicKeys.fromPem(new String(pem, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            findings.add(Finding.error(keyFile, null, "key-unreadable", "the key cannot be read: " + e.getMessage()));
            return;
        }
        if (!KeyIds.of(key).equals(keyId)) {
            findings.add(Finding.error(keyFile, null, "key-id-mismatch", "the file holds key " + KeyIds.of(key)));
            return;
        }
        if (!Dsse.verify(envelope, keyId, key)) {
            findings.add(Finding.error(file, null, "manifest-signature",
                    "the manifest's signature does not verify with the exporter's key " + keyId));
            return;
        }
        if (!Arrays.equals(payload, manifestBytes)) {
            // the signature holds over what it carries, so it is manifest.json that was changed
            findings.add(Finding.error(BundleFormat.MANIFEST, null, "manifest-signature",
                    "manifest.json is not the manifest the exporter signed: it was altered"));
            return;
        }
        if (!BundleAssembly.listedFor(files.get(BundleFormat.REVIEWERS), manifest.exportedBy(), keyId)) {
            findings.add(Finding.error(BundleFormat.REVIEWERS, null, "exporter-not-listed", "the exporter's key "
                    + keyId + " is not listed for " + manifest.exportedBy()));
        }
    }

    /** Bundle-wide findings first, then by file name; stable, so each file's findings keep their order. */
    private static List<Finding> inFileOrder(List<Finding> findings) {
        List<Finding> sorted = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            String file = f.file();
            if (f.recordId() == null && file != null && file.startsWith("records/") && file.endsWith(".json")) {
                String id = file.substring("records/".length(), file.length() - ".json".length());
                if (BundleFormat.safeId(id)) {
                    f = new Finding(f.severity(), file, id, f.code(), f.message());
                }
            }
            sorted.add(f);
        }
        sorted.sort(Comparator.comparing((Finding f) -> f.file() == null ? "" : f.file()));
        return sorted;
    }
}
