package dev.countersign.model.bundle;

import dev.countersign.model.Decision;
import dev.countersign.model.Proposal;
import dev.countersign.model.ProposalContext;
import dev.countersign.model.api.DecisionRecordView;
import dev.countersign.model.bundle.RecordCheck.State;
import dev.countersign.model.json.Digests;
import dev.countersign.model.json.Json;
import dev.countersign.model.log.LogEntry;
import dev.countersign.model.record.DecisionRecords;
import dev.countersign.model.record.RecordVerificationException;
import dev.countersign.model.record.Statement;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Checks one record against the keys, the proven log, and the proposal and context it is bound to. */
final class RecordChecker {
    static final String AUTO_REVIEWER = "gateway:policy";

    private final KeyDirectory keys;
    private final RecordSignatures signatures;
    private final PublicKey gatewayKey;
    private final String gatewayKeyId;
    private final LogAnchor log;
    private final boolean complete;
    private final KnownDigests known;
    /** Proposals and contexts are shared by records: each one's digest is computed once. */
    private final Map<Object, String> digests = java.util.Collections.synchronizedMap(new IdentityHashMap<>());

    RecordChecker(KeyDirectory keys, RecordSignatures signatures, PublicKey gatewayKey, String gatewayKeyId,
            LogAnchor log, boolean complete, KnownDigests known) {
        this.keys = keys;
        this.signatures = signatures;
        this.gatewayKey = gatewayKey;
        this.gatewayKeyId = gatewayKeyId;
        this.log = log;
        this.complete = complete;
        this.known = known;
    }

    /** Never throws for what the record holds: anything unexpected is a failed check with its finding. */
    RecordCheck check(EvidenceItem item) {
        try {
            return new Run(item).check();
        } catch (RuntimeException e) {
            DecisionRecordView view = item.record();
            return new RecordCheck(view.recordId(), view.logIndex(), null, State.FAILED, State.UNKNOWN, State.UNKNOWN,
                    State.UNKNOWN, State.UNKNOWN, List.of(Finding.error(BundleFormat.recordPath(view.recordId()),
                    view.recordId(), "record-unreadable", "the record cannot be checked: " + e.getMessage())));
        }
    }

    /** The checks of one record, collecting their findings. */
    private final class Run {
        final DecisionRecordView view;
        final String id;
        final String recordFile;
        final List<Finding> findings = new ArrayList<>();
        final EvidenceItem item;
        Statement statement;
        Decision decision;

        Run(EvidenceItem item) {
            this.item = item;
            this.view = item.record();
            this.id = view.recordId();
            this.recordFile = BundleFormat.recordPath(id);
        }

        RecordCheck check() {
            try {
                statement = DecisionRecords.readStatement(view.envelope());
                decision = Json.convert(statement.predicate(), Decision.class);
            } catch (RuntimeException e) {
                findings.add(Finding.error(recordFile, id, "record-malformed",
                        "the record's payload cannot be read: " + e.getMessage()));
            }
            State signature = signature();
            State enrolled = keyEnrolled();
            State inLog = inLog();
            State proposal = proposal();
            State context = context();
            return new RecordCheck(id, view.logIndex(), decision, signature, enrolled, inLog, proposal, context,
                    findings);
        }

        private String signingKeyId() {
            return view.envelope().signatures().size() == 1 ? view.envelope().signatures().get(0).keyid() : view.keyId();
        }

        private String reviewer() {
            return decision != null ? decision.reviewer() : view.reviewer();
        }

        private State signature() {
            String keyId = signingKeyId();
            PublicKey key;
            if (AUTO_REVIEWER.equals(reviewer())) {
                if (gatewayKey == null) {
                    return unknown(BundleFormat.GATEWAY_KEY, "signature-unknown",
                            "no gateway key is held to check this automatic approval's signature");
                }
                key = gatewayKey;
            } else {
                KeyDirectory.Decoded decoded = keys.key(keyId);
                if (decoded.problem() != null) {
                    return failed(BundleFormat.REVIEWERS, "key-unreadable", decoded.problem());
                }
                if (decoded.key() == null) {
                    return unknown(BundleFormat.REVIEWERS, "key-missing", "the key " + RecordSignatures.shortId(keyId)
                            + " that signed this record is not listed for any reviewer");
                }
                key = decoded.key();
            }
            try {
                signatures.verify(view.envelope(), key);
            } catch (RecordVerificationException e) {
                return failed(recordFile, "record-signature", e.getMessage());
            }
            if (decision == null) {
                return State.UNKNOWN;
            }
            List<String> wrong = new ArrayList<>();
            if (!view.reviewer().equals(decision.reviewer())) {
                wrong.add("reviewer " + view.reviewer() + " (signed: " + decision.reviewer() + ")");
            }
            if (!view.keyId().equals(decision.keyId())) {
                wrong.add("key " + RecordSignatures.shortId(view.keyId()) + " (signed: "
                        + RecordSignatures.shortId(decision.keyId()) + ")");
            }
            if (view.verdict() != decision.verdict()) {
                wrong.add("verdict " + view.verdict().json() + " (signed: " + decision.verdict().json() + ")");
            }
            if (!view.proposalId().equals(decision.proposalId())) {
                wrong.add("proposal " + view.proposalId() + " (signed: " + decision.proposalId() + ")");
            }
            if (!wrong.isEmpty()) {
                return failed(recordFile, "record-facts", "the record is listed with " + String.join(", ", wrong));
            }
            return State.OK;
        }

        private State keyEnrolled() {
            if (decision == null) {
                return State.UNKNOWN;
            }
            String keyId = signingKeyId();
            if (AUTO_REVIEWER.equals(decision.reviewer())) {
                if (gatewayKeyId == null) {
                    return unknown(BundleFormat.GATEWAY_KEY, "key-unknown",
                            "no gateway key is held to check who signed this automatic approval");
                }
                return keyId.equals(gatewayKeyId) ? State.OK : failed(recordFile, "key-not-gateway",
                        "an automatic approval must be signed by the gateway key " + RecordSignatures.shortId(gatewayKeyId)
                                + ", not by " + RecordSignatures.shortId(keyId));
            }
            KeyDirectory.Listed listed = keys.listing(keyId, decision.reviewer());
            if (listed == null) {
                List<KeyDirectory.Listed> others = keys.listings(keyId);
                if (!others.isEmpty()) {
                    return failed(BundleFormat.REVIEWERS, "key-other-reviewer", "the key "
                            + RecordSignatures.shortId(keyId) + " is enrolled for " + others.get(0).reviewer()
                            + ", not for " + decision.reviewer());
                }
                return unknown(BundleFormat.REVIEWERS, "key-not-listed", "the key " + RecordSignatures.shortId(keyId)
                        + " is not listed for " + decision.reviewer());
            }
            var key = listed.key();
            if (key.enrolledAt().isAfter(decision.decidedAt()) || key.enrolledAt().isAfter(view.recordedAt())) {
                return failed(BundleFormat.REVIEWERS, "key-not-yet-enrolled", "the key "
                        + RecordSignatures.shortId(keyId) + " was enrolled at " + key.enrolledAt()
                        + ", after the decision (" + decision.decidedAt() + ", recorded " + view.recordedAt() + ")");
            }
            if (key.revokedAt() != null && !key.revokedAt().isAfter(view.recordedAt())) {
                return failed(BundleFormat.REVIEWERS, "key-revoked", "the key " + RecordSignatures.shortId(keyId)
                        + " was revoked at " + key.revokedAt() + ", before the record was logged at "
                        + view.recordedAt());
            }
            return State.OK;
        }

        private State inLog() {
            if (log.state == State.UNKNOWN) {
                return complete ? failed(BundleFormat.CHECKPOINT, "log-unknown", "its place in the log cannot be proven: "
                        + log.problem) : State.UNKNOWN;
            }
            if (log.state == State.FAILED) {
                return failed(BundleFormat.CHECKPOINT, "log-unproven", "its place in the log cannot be proven: "
                        + log.problem);
            }
            long index = view.logIndex();
            long size = log.checkpoint.size();
            if (index < 0) {
                return failed(BundleFormat.LOG_ENTRIES, "not-in-log", "no log entry names this record");
            }
            if (index >= size) {
                if (!complete) {
                    // a console's cache: the record synced after the newest checkpoint it holds; the next sync proves it
                    return unknown(BundleFormat.LOG_ENTRIES, "after-checkpoint", "the record's log entry " + index
                            + " is newer than the checkpoint held, which covers entries 0 to " + (size - 1));
                }
                return failed(BundleFormat.LOG_ENTRIES, "outside-checkpoint", "the record's log entry " + index
                        + " is outside the checkpoint, which covers entries 0 to " + (size - 1));
            }
            LogEntry entry = log.entries.get(index);
            if (entry == null) {
                if (!complete) {
                    return unknown(BundleFormat.LOG_ENTRIES, "entry-not-held", "log entry " + index + " is not held");
                }
                return failed(BundleFormat.LOG_ENTRIES, "entry-missing", "the log segment has no entry " + index);
            }
            if (!entry.recordId().equals(id) || !entry.proposalId().equals(view.proposalId())
                    || !entry.recordedAt().equals(view.recordedAt())) {
                return failed(BundleFormat.LOG_ENTRIES, "entry-mismatch", "log entry " + index + " logs record "
                        + entry.recordId() + " of proposal " + entry.proposalId() + " at " + entry.recordedAt()
                        + ", not this record of proposal " + view.proposalId() + " at " + view.recordedAt());
            }
            String digest = known.get(view.envelope());
            if (digest == null) {
                digest = Digests.canonicalSha256(view.envelope());
            }
            if (!Digests.equal(digest, entry.recordDigest())) {
                return failed(recordFile, "record-digest", "the record's sha256 is " + digest + " but log entry "
                        + index + " names " + entry.recordDigest() + ": the record is not the one logged");
            }
            if (index < log.provenFrom) {
                return failed(BundleFormat.LOG_ENTRIES, "entry-unproven", "log entry " + index
                        + " is not proven by the checkpoint: the chain from the checkpoint breaks at or after it");
            }
            return State.OK;
        }

        private State proposal() {
            Proposal proposal = item.proposal();
            String file = decision != null ? BundleFormat.proposalPath(decision.proposalId(), decision.proposalVersion())
                    : proposal != null ? BundleFormat.proposalPath(proposal.id(), proposal.version())
                    : BundleFormat.proposalPath(view.proposalId(), 1);
            if (proposal == null) {
                return unknown(file, "proposal-missing", "the proposal version this record decides is not held");
            }
            if (statement == null || decision == null || statement.subject().size() != 1) {
                return State.UNKNOWN;
            }
            String bound = statement.subject().get(0).sha256();
            String digest = digest(proposal);
            if (!Digests.equal(digest, bound)) {
                return failed(file, "proposal-digest", "the proposal's sha256 is " + digest
                        + " but the record is bound to " + bound);
            }
            if (!proposal.id().equals(decision.proposalId()) || proposal.version() != decision.proposalVersion()) {
                return failed(file, "proposal-mismatch", "the proposal held is " + proposal.id() + " v"
                        + proposal.version() + ", but the record decides " + decision.proposalId() + " v"
                        + decision.proposalVersion());
            }
            return State.OK;
        }

        private State context() {
            ProposalContext context = item.context();
            String file = decision != null && BundleFormat.hex64(decision.contextDigest())
                    ? BundleFormat.contextPath(decision.contextDigest()) : "contexts/";
            if (context == null) {
                return unknown(file, "context-missing", "the context shown with this decision is not held");
            }
            if (decision == null) {
                return State.UNKNOWN;
            }
            String digest = digest(context);
            if (!Digests.equal(digest, decision.contextDigest())) {
                return failed(file, "context-digest", "the context's sha256 is " + digest
                        + " but the decision names " + decision.contextDigest());
            }
            return State.OK;
        }

        private String digest(Object value) {
            String digest = known.get(value);
            if (digest == null) {
                digest = digests.get(value);
            }
            if (digest == null) {
                digest = Digests.canonicalSha256(value);
                digests.put(value, digest);
            }
            return digest;
        }

        private State failed(String file, String code, String message) {
            findings.add(Finding.error(file, id, code, message));
            return State.FAILED;
        }

        private State unknown(String file, String code, String message) {
            findings.add(complete ? Finding.error(file, id, code, message) : Finding.warning(file, id, code, message));
            return State.UNKNOWN;
        }
    }
}
