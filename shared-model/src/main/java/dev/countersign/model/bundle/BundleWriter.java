package dev.countersign.model.bundle;

import dev.countersign.model.Proposal;
import dev.countersign.model.ProposalContext;
import dev.countersign.model.api.DecisionRecordView;
import dev.countersign.model.api.ReviewerList;
import dev.countersign.model.api.ReviewerView;
import dev.countersign.model.crypto.KeyIds;
import dev.countersign.model.crypto.PublicKeys;
import dev.countersign.model.crypto.SignatureAlgorithm;
import dev.countersign.model.crypto.Signer;
import dev.countersign.model.json.CanonicalJson;
import dev.countersign.model.json.Digests;
import dev.countersign.model.log.LogEntry;
import dev.countersign.model.record.Dsse;
import dev.countersign.model.record.DsseEnvelope;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes evidence as a bundle file: to a temporary file beside the target, then moved into place, so a cancelled or
 * failed export leaves nothing behind. Every item must carry its proposal and context.
 */
public final class BundleWriter {
    private BundleWriter() {}

    /** Who exports, when, and with what (written into the manifest). */
    public record Export(String exportedBy, Instant exportedAt, String producer) {}

    /**
     * @throws java.util.concurrent.CancellationException when {@code progress} says so; nothing is left at target
     * @throws IllegalArgumentException when the evidence is incomplete (an item without its proposal or context, no
     *                                  checkpoint, a record the log segment does not cover); the message says which
     */
    public static void write(Evidence evidence, Export export, Signer exporter, Path target, BundleProgress progress)
            throws IOException, GeneralSecurityException {
        Plan plan = Plan.of(evidence, export, exporter);
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Path temp = Files.createTempFile(folder, "." + absolute.getFileName() + ".", ".part");
        boolean moved = false;
        try {
            try (OutputStream file = Files.newOutputStream(temp);
                    ZipOutputStream zip = new ZipOutputStream(file, StandardCharsets.UTF_8)) {
                new Writing(zip, export.exportedAt()).write(plan, evidence, export, exporter, progress);
            }
            try (java.nio.channels.FileChannel written = java.nio.channels.FileChannel.open(temp,
                    java.nio.file.StandardOpenOption.WRITE)) {
                written.force(true); // on disk before it takes the target's name: a crash leaves old or whole
            }
            shareable(temp);
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** A temporary file is private to its owner; a bundle is made to be handed on, like any file the user saves. */
    private static void shareable(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the temporary file already has the folder's usual permissions
        }
    }

    /** What will be written, worked out and checked before a byte is: refuses incomplete evidence. */
    record Plan(long firstIndex, List<LogEntry> segment, PublicKey gatewayKey, Map<String, PublicKey> reviewerKeys,
            String exporterKeyId) {

        static Plan of(Evidence evidence, Export export, Signer exporter) {
            if (evidence.items().isEmpty()) {
                throw new IllegalArgumentException("there are no decision records to export");
            }
            if (evidence.checkpoint() == null) {
                throw new IllegalArgumentException("no signed checkpoint is held: sync with the gateway first");
            }
            if (evidence.gatewayPublicKey() == null) {
                throw new IllegalArgumentException("the gateway's public key is not held: sync with the gateway first");
            }
            PublicKey gatewayKey = PublicKeys.fromBase64(evidence.gatewayPublicKey());
            String gatewayKeyId = KeyIds.of(gatewayKey);
            Map<String, ReviewerView.Key> listed = new HashMap<>();
            for (ReviewerView reviewer : evidence.reviewers()) {
                for (ReviewerView.Key key : reviewer.keys()) {
                    listed.putIfAbsent(key.keyId(), key);
                }
            }
            Map<Long, LogEntry> entries = new HashMap<>();
            for (LogEntry entry : evidence.log()) {
                entries.put(entry.index(), entry);
            }
            long first = Long.MAX_VALUE;
            Map<String, PublicKey> keys = new LinkedHashMap<>();
            Map<String, String> proposals = new HashMap<>();
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (EvidenceItem item : evidence.items()) {
                DecisionRecordView record = item.record();
                String id = record.recordId();
                if (!BundleFormat.safeId(id)) {
                    throw new IllegalArgumentException("record id '" + id + "' cannot name a file of a bundle");
                }
                if (!ids.add(id)) {
                    throw new IllegalArgumentException("record " + id + " is given twice");
                }
                if (item.proposal() == null) {
                    throw new IllegalArgumentException("record " + id + ": its proposal is not held");
                }
                if (item.context() == null) {
                    throw new IllegalArgumentException("record " + id + ": its context is not held");
                }
                if (!BundleFormat.safeId(item.proposal().id())) {
                    throw new IllegalArgumentException("record " + id + ": proposal id '" + item.proposal().id()
                            + "' cannot name a file of a bundle");
                }
                String proposalPath = BundleFormat.proposalPath(item.proposal().id(), item.proposal().version());
                String digest = Digests.canonicalSha256(item.proposal());
                String earlier = proposals.putIfAbsent(proposalPath, digest);
                if (earlier != null && !earlier.equals(digest)) {
                    throw new IllegalArgumentException("record " + id + ": two different proposals are named "
                            + item.proposal().id() + " v" + item.proposal().version());
                }
                LogEntry entry = entries.get(record.logIndex());
                if (entry == null || !entry.recordId().equals(id)) {
                    throw new IllegalArgumentException("record " + id + ": the log segment held does not cover its"
                            + " entry " + record.logIndex());
                }
                first = Math.min(first, record.logIndex());
                String keyId = record.envelope().signatures().get(0).keyid();
                if (!keyId.equals(gatewayKeyId) || !RecordChecker.AUTO_REVIEWER.equals(record.reviewer())) {
                    keys.computeIfAbsent(keyId, k -> publicKey(listed.get(k), "record " + id + ": the key " + k
                            + " that signed it"));
                }
            }
            String exporterKeyId = exporter.keyId();
            boolean exporterListed = evidence.reviewers().stream().anyMatch(r -> r.reviewer().equals(export.exportedBy())
                    && r.keys().stream().anyMatch(k -> k.keyId().equals(exporterKeyId)));
            if (!exporterListed) {
                throw new IllegalArgumentException("the exporter's key " + exporterKeyId + " is not listed for "
                        + export.exportedBy() + " among the reviewers");
            }
            keys.putIfAbsent(exporterKeyId, exporter.publicKey());
            for (String keyId : keys.keySet()) {
                if (!BundleFormat.hex64(keyId)) {
                    throw new IllegalArgumentException("key id '" + keyId + "' cannot name a file of a bundle");
                }
                if (!dev.countersign.model.crypto.KeyIds.of(keys.get(keyId)).equals(keyId)) {
                    throw new IllegalArgumentException("the key listed as " + keyId + " has another key id");
                }
            }
            long size = checkpointSize(evidence.checkpoint());
            List<LogEntry> segment = new ArrayList<>();
            for (long i = first; i < size; i++) {
                LogEntry entry = entries.get(i);
                if (entry == null) {
                    throw new IllegalArgumentException("the log segment held lacks entry " + i + " (the checkpoint covers"
                            + " entries up to " + (size - 1) + "): sync with the gateway first");
                }
                segment.add(entry);
            }
            return new Plan(first, segment, gatewayKey, keys, exporterKeyId);
        }

        private static long checkpointSize(DsseEnvelope checkpoint) {
            try {
                return dev.countersign.model.json.Json.parse(checkpoint.payloadBytes(),
                        dev.countersign.model.log.Checkpoint.class).size();
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("the checkpoint held cannot be read: " + e.getMessage(), e);
            }
        }

        private static PublicKey publicKey(ReviewerView.Key key, String what) {
            if (key == null || key.publicKey() == null) {
                throw new IllegalArgumentException(what + " is not held among the reviewers' keys");
            }
            return PublicKeys.fromBase64(key.publicKey());
        }
    }

    /** One export under way: the zip, and every file written so far with its size and sha256. */
    private static final class Writing {
        private final ZipOutputStream zip;
        private final long time;
        private final List<BundleManifest.FileEntry> files = new ArrayList<>();

        Writing(ZipOutputStream zip, Instant exportedAt) {
            this.zip = zip;
            this.time = exportedAt.toEpochMilli();
        }

        void write(Plan plan, Evidence evidence, Export export, Signer exporter, BundleProgress progress)
                throws IOException, GeneralSecurityException {
            List<String> recordIds = evidence.items().stream().map(i -> i.record().recordId()).toList();
            String gatewayKeyId = KeyIds.of(plan.gatewayKey());
            TreeSet<String> p256 = new TreeSet<>();
            plan.reviewerKeys().forEach((id, key) -> {
                if (SignatureAlgorithm.of(key) == SignatureAlgorithm.ECDSA_P256_SHA256) {
                    p256.add(id);
                }
            });
            add(BundleFormat.VERIFY_GUIDE, VerifyGuide.text(new VerifyGuide.Facts(gatewayKeyId, plan.exporterKeyId(),
                    export.exportedBy(), SignatureAlgorithm.of(exporter.publicKey()), plan.firstIndex(),
                    recordIds.size(), p256)).getBytes(StandardCharsets.UTF_8));
            add(BundleFormat.GATEWAY_KEY, pem(plan.gatewayKey()));
            for (Map.Entry<String, PublicKey> key : plan.reviewerKeys().entrySet()) {
                add(BundleFormat.keyPath(key.getKey()), pem(key.getValue()));
            }
            add(BundleFormat.REVIEWERS, CanonicalJson.bytes(new ReviewerList(evidence.reviewers())));
            add(BundleFormat.CHECKPOINT, CanonicalJson.bytes(evidence.checkpoint()));
            StringBuilder lines = new StringBuilder();
            for (LogEntry entry : plan.segment()) {
                lines.append(CanonicalJson.string(entry)).append('\n');
            }
            add(BundleFormat.LOG_ENTRIES, lines.toString().getBytes(StandardCharsets.UTF_8));
            java.util.Set<String> written = new java.util.HashSet<>();
            long done = 0;
            for (EvidenceItem item : evidence.items()) {
                if (progress.cancelled()) {
                    throw new CancellationException("export cancelled");
                }
                add(BundleFormat.recordPath(item.record().recordId()), CanonicalJson.bytes(item.record().envelope()));
                Proposal proposal = item.proposal();
                String proposalPath = BundleFormat.proposalPath(proposal.id(), proposal.version());
                if (written.add(proposalPath)) {
                    add(proposalPath, CanonicalJson.bytes(proposal));
                }
                ProposalContext context = item.context();
                byte[] contextBytes = CanonicalJson.bytes(context);
                String contextPath = BundleFormat.contextPath(Digests.sha256Hex(contextBytes));
                if (written.add(contextPath)) {
                    add(contextPath, contextBytes);
                }
                progress.progress(++done, recordIds.size());
            }
            BundleManifest manifest = new BundleManifest(BundleFormat.FORMAT, export.exportedBy(),
                    plan.exporterKeyId(), export.exportedAt(), export.producer(), gatewayKeyId, recordIds, files);
            byte[] manifestBytes = CanonicalJson.bytes(manifest);
            DsseEnvelope signature = Dsse.sign(BundleFormat.MANIFEST_PAYLOAD_TYPE, manifestBytes, exporter);
            entry(BundleFormat.MANIFEST, manifestBytes);
            entry(BundleFormat.MANIFEST_SIGNATURE, CanonicalJson.bytes(signature));
            zip.finish();
        }

        private void add(String path, byte[] bytes) throws IOException {
            entry(path, bytes);
            files.add(new BundleManifest.FileEntry(path, bytes.length, Digests.sha256Hex(bytes)));
        }

        private void entry(String path, byte[] bytes) throws IOException {
            ZipEntry entry = new ZipEntry(path);
            entry.setTime(time);
            zip.putNextEntry(entry);
            zip.write(bytes);
            zip.closeEntry();
        }

        private static byte[] pem(PublicKey key) {
            return PublicKeys.toPem(key).getBytes(StandardCharsets.US_ASCII);
        }
    }
}
