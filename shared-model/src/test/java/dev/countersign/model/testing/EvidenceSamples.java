package dev.countersign.model.testing;

import dev.countersign.model.Decision;
import dev.countersign.model.Proposal;
import dev.countersign.model.ProposalContext;
import dev.countersign.model.ReasonCode;
import dev.countersign.model.Verdict;
import dev.countersign.model.api.DecisionRecordView;
import dev.countersign.model.api.ReviewerView;
import dev.countersign.model.bundle.BundleProgress;
import dev.countersign.model.bundle.BundleWriter;
import dev.countersign.model.bundle.Evidence;
import dev.countersign.model.bundle.EvidenceItem;
import dev.countersign.model.crypto.PublicKeys;
import dev.countersign.model.crypto.Signer;
import dev.countersign.model.crypto.SoftwareSigner;
import dev.countersign.model.json.Digests;
import dev.countersign.model.log.Checkpoint;
import dev.countersign.model.log.Checkpoints;
import dev.countersign.model.log.LogEntry;
import dev.countersign.model.record.DecisionRecords;
import dev.countersign.model.record.DsseEnvelope;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Signed evidence for tests in every module: N decision records by several Ed25519 reviewers, one ECDSA P-256 reviewer
 * (a hardware token) and automatic approvals signed by the gateway key as {@code gateway:policy}; one reviewer's first
 * key is revoked (rotated) after the records it signed. Every record sits in a hash-chained log under a checkpoint
 * signed by the gateway key. Keys are fresh per call except the gateway's, which is the RFC 8032 test-1 key.
 *
 * <pre>
 * EvidenceSamples.Sample s = EvidenceSamples.build(20);
 * Evidence all = s.evidence();
 * Evidence some = s.evidenceFor(List.of(s.recordIds().get(3), s.recordIds().get(7)));
 * Path file = s.writeBundle(dir.resolve("sample.csbundle"));
 * BundleReport report = BundleVerifier.verify(file, s.gatewayKey().publicKey(), 2, BundleProgress.NONE);
 * </pre>
 */
public final class EvidenceSamples {
    public static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    public static final Instant ENROLLED = Instant.parse("2026-11-01T08:00:00Z");
    public static final String AUTO_REVIEWER = "gateway:policy";
    public static final String AMARA = "amara.okafor@northwind.example";
    public static final String BEN = "ben.thorsen@northwind.example";
    public static final String CHEN = "chen.li@northwind.example";
    /** Signs with an ECDSA P-256 key, as a hardware token does. */
    public static final String DARA = "dara.price@northwind.example";
    /** Every this-many records, one is an automatic approval by the gateway key. */
    public static final int AUTO_EVERY = 5;

    private EvidenceSamples() {}

    /**
     * Everything a sample holds: the evidence of all records, the whole log (from entry 0), the keys that signed, and
     * the decision behind each record.
     */
    public record Sample(Evidence evidence, SoftwareSigner gatewayKey, SoftwareSigner exporterKey,
            Map<String, SoftwareSigner> keysById, List<String> recordIds, Instant revokedAt, String revokedKeyId) {

        /** The evidence of just these records: the log segment runs from the lowest one's index to the checkpoint. */
        public Evidence evidenceFor(Collection<String> recordIds) {
            Set<String> wanted = new HashSet<>(recordIds);
            List<EvidenceItem> items = evidence.items().stream()
                    .filter(item -> wanted.contains(item.record().recordId())).toList();
            long from = items.stream().mapToLong(item -> item.record().logIndex()).min().orElse(0);
            List<LogEntry> segment = evidence.log().stream().filter(e -> e.index() >= from).toList();
            return new Evidence(items, evidence.reviewers(), evidence.gatewayPublicKey(), evidence.checkpoint(),
                    segment);
        }

        public EvidenceItem item(String recordId) {
            return evidence.items().stream().filter(i -> i.record().recordId().equals(recordId)).findFirst()
                    .orElseThrow();
        }

        public String gatewayKeyId() {
            return gatewayKey.keyId();
        }

        /** The exporter's reviewer id: the exporter key is enrolled for Amara. */
        public String exporter() {
            return AMARA;
        }

        /** Writes all of it as a bundle file, exported by Amara at {@link #T0} plus a day. */
        public Path writeBundle(Path target) throws IOException, GeneralSecurityException {
            BundleWriter.write(evidence, new BundleWriter.Export(AMARA, T0.plusSeconds(86_400), "EvidenceSamples"),
                    exporterKey, target, BundleProgress.NONE);
            return target;
        }
    }

    /** A sample of {@code count} records (at least 1), two per proposal. */
    public static Sample build(int count) {
        try {
            return create(count);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Sample create(int count) throws GeneralSecurityException {
        SoftwareSigner gateway = new SoftwareSigner(Samples.rfc8032KeyPair());
        SoftwareSigner amara = new SoftwareSigner(Samples.freshEd25519());
        SoftwareSigner ben1 = new SoftwareSigner(Samples.freshEd25519());
        SoftwareSigner ben2 = new SoftwareSigner(Samples.freshEd25519());
        SoftwareSigner chen = new SoftwareSigner(Samples.freshEd25519());
        SoftwareSigner dara = new SoftwareSigner(Samples.freshP256());
        String[] humans = {AMARA, BEN, CHEN, DARA};

        int half = Math.max(1, count / 2);
        // Ben's first key signs the first half; it is rotated to his second key half a minute before record `half`.
        Instant revokedAt = decidedAt(half).minusSeconds(30);

        List<EvidenceItem> items = new ArrayList<>();
        List<LogEntry> log = new ArrayList<>();
        String previous = LogEntry.GENESIS;
        Map<String, SoftwareSigner> keys = new LinkedHashMap<>();
        for (SoftwareSigner s : List.of(gateway, amara, ben1, ben2, chen, dara)) {
            keys.put(s.keyId(), s);
        }
        List<String> ids = new ArrayList<>();
        Proposal proposal = null;
        ProposalContext context = null;
        for (int i = 0; i < count; i++) {
            if (i % 2 == 0) {
                proposal = proposal(i / 2);
                context = Samples.context(proposal);
            }
            boolean auto = i % AUTO_EVERY == AUTO_EVERY - 1;
            String reviewer = auto ? AUTO_REVIEWER : humans[i % humans.length];
            Signer signer = switch (reviewer) {
                case AUTO_REVIEWER -> gateway;
                case AMARA -> amara;
                case BEN -> i < half ? ben1 : ben2;
                case CHEN -> chen;
                default -> dara;
            };
            Verdict verdict = auto ? Verdict.APPROVE : switch (i % 7) {
                case 2 -> Verdict.DENY;
                case 6 -> Verdict.ESCALATE;
                default -> Verdict.APPROVE;
            };
            ReasonCode reason = auto ? ReasonCode.POLICY_AUTO_APPROVED
                    : verdict == Verdict.APPROVE ? ReasonCode.CHANGE_TICKET_VERIFIED
                    : verdict == Verdict.DENY ? ReasonCode.BLAST_RADIUS_TOO_LARGE : ReasonCode.NEEDS_MORE_CONTEXT;
            Decision decision = new Decision(proposal.id(), proposal.version(), Digests.canonicalSha256(context),
                    verdict, reason, "Sample decision " + i + ".", null, reviewer, signer.keyId(), "nonce-" + i,
                    decidedAt(i), proposal.agent().id(), "northwind-nhi-change-policy", "2026.11.1", "0.1.0-test");
            DsseEnvelope envelope = DecisionRecords.sign(DecisionRecords.statement(proposal, decision), signer);
            String recordId = String.format("rec_%06d", i);
            Instant recordedAt = decidedAt(i).plusSeconds(1);
            LogEntry entry = new LogEntry(i, recordId, proposal.id(), Digests.canonicalSha256(envelope), recordedAt,
                    previous);
            previous = entry.entryHash();
            log.add(entry);
            ids.add(recordId);
            items.add(new EvidenceItem(new DecisionRecordView(recordId, proposal.id(), reviewer, signer.keyId(),
                    verdict, recordedAt, i, envelope), proposal, context));
        }
        Checkpoint checkpoint = new Checkpoint(gateway.keyId(), log.size(), previous, decidedAt(count).plusSeconds(5));
        DsseEnvelope signedCheckpoint = Checkpoints.sign(checkpoint, gateway);

        List<ReviewerView> reviewers = List.of(
                new ReviewerView(AMARA, "Amara Okafor", List.of("reviewer"), List.of(key(amara, ENROLLED, null))),
                new ReviewerView(BEN, "Ben Thorsen", List.of("reviewer"), List.of(
                        new ReviewerView.Key(ben1.keyId(), "Ed25519", ENROLLED, revokedAt, "rotated to " + ben2.keyId(),
                                PublicKeys.toBase64(ben1.publicKey()), null),
                        key(ben2, revokedAt, null))),
                new ReviewerView(CHEN, "Chen Li", List.of("reviewer", "approver"), List.of(key(chen, ENROLLED, null))),
                new ReviewerView(DARA, "Dara Price", List.of("approver"), List.of(key(dara, ENROLLED, null))));
        Evidence evidence = new Evidence(items, reviewers, PublicKeys.toBase64(gateway.publicKey()), signedCheckpoint,
                log);
        return new Sample(evidence, gateway, amara, Map.copyOf(keys), List.copyOf(ids), revokedAt, ben1.keyId());
    }

    private static ReviewerView.Key key(SoftwareSigner signer, Instant enrolled, Instant revoked) {
        String algorithm = signer.publicKey().getAlgorithm().startsWith("EC") ? "ECDSA-P256" : "Ed25519";
        return new ReviewerView.Key(signer.keyId(), algorithm, enrolled, revoked, null,
                PublicKeys.toBase64(signer.publicKey()), null);
    }

    public static Instant decidedAt(int i) {
        return T0.plusSeconds(60L * i);
    }

    private static Proposal proposal(int n) {
        Proposal p = Samples.proposal();
        return new Proposal(String.format("prp_%06d", n), 1, p.agent(), p.actionType(), p.target(), p.environment(),
                p.parameters(), p.intent(), p.riskTier(), p.createdAt(), p.expiresAt());
    }
}
