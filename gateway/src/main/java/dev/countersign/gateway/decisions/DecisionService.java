package dev.countersign.gateway.decisions;

import dev.countersign.gateway.common.Ids;
import dev.countersign.gateway.problem.ProblemException;
import dev.countersign.gateway.problem.ProblemType;
import dev.countersign.gateway.proposals.ProposalRow;
import dev.countersign.gateway.proposals.ProposalService;
import dev.countersign.gateway.proposals.ProposalStore;
import dev.countersign.gateway.proposals.StoredVersion;
import dev.countersign.gateway.reviewers.DecisionAuthority;
import dev.countersign.gateway.reviewers.EnrolledKey;
import dev.countersign.gateway.reviewers.ReviewerStore;
import dev.countersign.gateway.sessions.Session;
import dev.countersign.gateway.sessions.SessionService;
import dev.countersign.gateway.store.Database;
import dev.countersign.gateway.store.Tx;
import dev.countersign.gateway.store.Writer;
import dev.countersign.model.Conditions;
import dev.countersign.model.Decision;
import dev.countersign.model.Identities;
import dev.countersign.model.PolicyBasis;
import dev.countersign.model.Proposal;
import dev.countersign.model.ProposalStatus;
import dev.countersign.model.ReasonCode;
import dev.countersign.model.Verdict;
import dev.countersign.model.api.DecisionReceipt;
import dev.countersign.model.api.DecisionRecordView;
import dev.countersign.model.api.RecordList;
import dev.countersign.model.json.Digests;
import dev.countersign.model.record.DecisionRecords;
import dev.countersign.model.record.DsseEnvelope;
import dev.countersign.model.record.DsseSignature;
import dev.countersign.model.record.RecordVerificationException;
import dev.countersign.model.record.VerifiedDecision;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Accepts signed decisions. The checks run in the order of docs/api.md, inside one write transaction together with
 * the record, the nonce's use and the proposal's new status: a refused decision changes nothing.
 */
public final class DecisionService {
    /** How finely a reviewer sets an execution window: to the minute. */
    private static final Duration WINDOW_GRAIN = Duration.ofMinutes(1);
    private final Database database;
    private final Writer writer;
    private final ProposalStore proposals;
    private final ReviewerStore reviewers;
    private final NonceStore nonces;
    private final DecisionLog log;
    private final Ids ids;
    private final SessionService sessions;
    private final Clock clock;

    public DecisionService(Database database, ProposalStore proposals, ReviewerStore reviewers, NonceStore nonces,
            DecisionLog log, Ids ids, SessionService sessions, Clock clock) {
        this.database = database;
        this.writer = database.writer();
        this.proposals = proposals;
        this.reviewers = reviewers;
        this.nonces = nonces;
        this.log = log;
        this.ids = ids;
        this.sessions = sessions;
        this.clock = clock;
    }

    /**
     * Records a decision posted in a session, which must be the session of the reviewer and key that signed it. The
     * session is checked again inside the write, so a decision queued behind other writes is refused if its session
     * closed or expired meanwhile.
     */
    public DecisionReceipt decide(DsseEnvelope envelope, Session session) {
        RecordShape.read(envelope);
        return writer.write(tx -> record(tx, envelope, session, clock.instant()));
    }

    private DecisionReceipt record(Tx tx, DsseEnvelope envelope, Session session, Instant now) throws SQLException {
        sessions.stillOpen(tx, session, now);
        EnrolledKey key = signingKey(tx, envelope);
        VerifiedDecision verified = verify(envelope, key);
        Decision d = verified.decision();
        if (!d.reviewer().equals(key.reviewer())) {
            throw ProblemException.of(ProblemType.REVIEWER_MISMATCH, "The decision names reviewer " + d.reviewer()
                    + " but key " + key.keyId() + " belongs to " + key.reviewer() + ".");
        }
        if (!d.reviewer().equals(session.reviewer()) || !key.keyId().equals(session.keyId())) {
            throw ProblemException.of(ProblemType.SESSION_MISMATCH, "This session is " + session.reviewer()
                    + "'s with key " + session.keyId() + "; a decision signed by " + d.reviewer() + " with key "
                    + key.keyId() + " must be posted in a session opened with that key.");
        }
        String id = d.proposalId();
        ProposalRow row = proposals.findForUpdate(tx, id).orElseThrow(() -> ProposalService.notFound(id));
        ProposalStatus status = row.statusAt(now);
        if (status == ProposalStatus.APPROVED || status == ProposalStatus.DENIED) {
            throw refuse(ProblemType.PROPOSAL_CLOSED, "Proposal " + id + " is already " + status.json() + ".", row,
                    status);
        }
        if (status == ProposalStatus.EXPIRED && d.verdict() == Verdict.APPROVE) {
            throw refuse(ProblemType.PROPOSAL_EXPIRED, "Proposal " + id + " expired at " + row.expiresAt()
                    + "; it can no longer be approved.", row, status);
        }
        StoredVersion current = proposals.version(tx.connection(), id, row.version()).orElseThrow();
        Optional<String> notPermitted = DecisionAuthority.refusal(reviewers.reviewer(tx.connection(), key.reviewer())
                .orElseThrow(), current.proposal(), current.context().policyBasis());
        if (notPermitted.isPresent()) {
            throw refuse(ProblemType.NOT_PERMITTED, notPermitted.get(), row, status);
        }
        if (!Digests.equal(verified.proposalDigest(), current.proposalDigest())
                || d.proposalVersion() != row.version()) {
            throw refuse(ProblemType.STALE_PROPOSAL, "The decision names proposal digest "
                    + abbreviate(verified.proposalDigest()) + " (v" + d.proposalVersion() + ") but the current version"
                    + " (v" + row.version() + ") has digest " + abbreviate(current.proposalDigest()) + ".", row, status);
        }
        if (!Digests.equal(d.contextDigest(), current.contextDigest())) {
            throw refuse(ProblemType.CONTEXT_CHANGED, "The decision names context digest "
                    + abbreviate(d.contextDigest()) + " but the current context has digest "
                    + abbreviate(current.contextDigest()) + ". Reload the proposal and decide again.", row, status);
        }
        checkClaims(d, current, row, status);
        checkConditions(d, current, row, status, now);
        checkNonce(tx, d, row, status, now);
        if (d.verdict() == Verdict.APPROVE && Identities.same(d.reviewer(), row.agentOwner())) {
            throw refuse(ProblemType.SELF_APPROVAL, d.reviewer() + " is the accountable owner of the agent that"
                    + " proposed this; someone else must approve it.", row, status);
        }
        if (d.verdict() == Verdict.APPROVE && proposals.approvals(tx.connection(), id, row.version()).stream()
                .anyMatch(a -> Identities.same(a.reviewer(), d.reviewer()))) {
            throw refuse(ProblemType.ALREADY_DECIDED, d.reviewer() + " already approved version " + row.version()
                    + " of this proposal; a second approval by one person does not count.", row, status);
        }
        return append(tx, envelope, d, key, row, now);
    }

    private DecisionReceipt append(Tx tx, DsseEnvelope envelope, Decision d, EnrolledKey key, ProposalRow row,
            Instant now) throws SQLException {
        Instant at = now.truncatedTo(ChronoUnit.SECONDS);
        DecisionLog.Appended entry = log.append(tx, ids.recordId(), row.id(), row.version(), d.reviewer(),
                key.keyId(), d.verdict(), envelope, at);
        nonces.markUsed(tx, d.nonce(), entry.recordId());
        int given = proposals.approvals(tx.connection(), row.id(), row.version()).size();
        ProposalStatus next = switch (d.verdict()) {
            case DENY -> ProposalStatus.DENIED;
            case APPROVE -> given >= row.approvalsRequired() ? ProposalStatus.APPROVED : ProposalStatus.PENDING;
            case ESCALATE -> row.status();
        };
        if (next != row.status()) {
            proposals.setStatus(tx, row.id(), next, at, at);
        } else {
            proposals.touch(tx, row.id(), at);
        }
        return new DecisionReceipt(entry.recordId(), row.id(), next, given, row.approvalsRequired(),
                entry.logIndex());
    }

    private EnrolledKey signingKey(Tx tx, DsseEnvelope envelope) throws SQLException {
        EnrolledKey revoked = null;
        for (DsseSignature signature : envelope.signatures()) {
            Optional<EnrolledKey> key = reviewers.key(tx.connection(), signature.keyid());
            if (key.isPresent() && !key.get().revoked()) {
                return key.get();
            }
            if (key.isPresent() && revoked == null) {
                revoked = key.get();
            }
        }
        if (revoked != null) {
            throw ProblemException.of(ProblemType.KEY_REVOKED, "Key " + revoked.keyId() + " of " + revoked.reviewer()
                    + " was revoked at " + revoked.revokedAt() + ".");
        }
        throw ProblemException.of(ProblemType.UNKNOWN_KEY, "The record is signed by key "
                + envelope.signatures().get(0).keyid() + ", which is not enrolled at this gateway.");
    }

    private static VerifiedDecision verify(DsseEnvelope envelope, EnrolledKey key) {
        try {
            return DecisionRecords.verify(envelope, key.publicKey());
        } catch (RecordVerificationException e) {
            ProblemType type = switch (e.failure()) {
                case BAD_SIGNATURE -> ProblemType.BAD_SIGNATURE;
                case KEY_MISMATCH -> ProblemType.REVIEWER_MISMATCH;
                default -> ProblemType.INVALID_RECORD;
            };
            throw ProblemException.of(type, e.getMessage() + ".");
        }
    }

    /** The decision's own claims about the agent and policy must be those of the version it is bound to. */
    private static void checkClaims(Decision d, StoredVersion current, ProposalRow row, ProposalStatus status) {
        Proposal proposal = current.proposal();
        PolicyBasis basis = current.context().policyBasis();
        if (!d.agentId().equals(proposal.agent().id()) || !d.policyId().equals(basis.policyId())
                || !d.policyVersion().equals(basis.policyVersion())) {
            throw refuse(ProblemType.INVALID_RECORD, "The decision names agent " + d.agentId() + " and policy "
                    + d.policyId() + " " + d.policyVersion() + ", but the proposal's are " + proposal.agent().id()
                    + " and " + basis.policyId() + " " + basis.policyVersion() + ".", row, status);
        }
    }

    /**
     * A reviewer's record may not pose as the gateway's own, and an execution window must fit the proposal: it starts
     * no earlier than the minute the proposal was made, and ends after now and no later than the proposal's expiry.
     */
    private static void checkConditions(Decision d, StoredVersion current, ProposalRow row, ProposalStatus status,
            Instant now) {
        if (d.reasonCode() == ReasonCode.POLICY_AUTO_APPROVED) {
            throw refuse(ProblemType.INVALID_RECORD, "The reason code policy_auto_approved is reserved for the"
                    + " gateway's automatic approvals.", row, status);
        }
        Conditions window = d.conditions();
        // a window is written to the minute, so it may start in the minute the proposal was made
        if (window != null && window.notBefore().isBefore(current.proposal().createdAt().minus(WINDOW_GRAIN))) {
            throw refuse(ProblemType.INVALID_RECORD, "The approval's execution window starts at " + window.notBefore()
                    + ", before the proposal was made (" + current.proposal().createdAt() + ").", row, status);
        }
        if (window != null && (!window.notAfter().isAfter(now)
                || window.notAfter().isAfter(current.proposal().expiresAt()))) {
            throw refuse(ProblemType.INVALID_RECORD, "The approval's execution window ends at " + window.notAfter()
                    + "; it must end after now and no later than the proposal's expiry ("
                    + current.proposal().expiresAt() + ").", row, status);
        }
    }

    private void checkNonce(Tx tx, Decision d, ProposalRow row, ProposalStatus status, Instant now)
            throws SQLException {
        Optional<NonceRow> nonce = nonces.find(tx.connection(), d.nonce());
        if (nonce.isPresent() && nonce.get().used()) {
            throw refuse(ProblemType.NONCE_REPLAYED, "The nonce was already used by record "
                    + nonce.get().usedByRecord() + ". Ask for a new nonce.", row, status);
        }
        if (nonce.isEmpty() || !nonce.get().proposalId().equals(row.id())) {
            throw refuse(ProblemType.NONCE_INVALID, "The nonce was not issued for proposal " + row.id()
                    + ". Ask for a new nonce.", row, status);
        }
        if (!now.isBefore(nonce.get().expiresAt())) {
            throw refuse(ProblemType.NONCE_INVALID, "The nonce lapsed at " + nonce.get().expiresAt() + ".", row,
                    status);
        }
    }

    public RecordList records(String proposalId) {
        return database.read(c -> {
            if (proposalId == null) {
                return new RecordList(log.all(c, 10_000));
            }
            if (proposals.find(c, proposalId).isEmpty()) {
                throw ProposalService.notFound(proposalId);
            }
            return new RecordList(log.forProposal(c, proposalId));
        });
    }

    /** Up to {@code limit} records in log order from log index {@code fromIndex} on, for incremental sync. */
    public RecordList recordsFrom(long fromIndex, int limit) {
        return database.read(c -> new RecordList(log.from(c, fromIndex, limit)));
    }

    public DecisionRecordView record(String recordId) {
        return database.read(c -> log.get(c, recordId)).orElseThrow(() ->
                ProblemException.of(ProblemType.NOT_FOUND, "No decision record " + recordId + "."));
    }

    private static ProblemException refuse(ProblemType type, String detail, ProposalRow row, ProposalStatus status) {
        return ProblemException.aboutProposal(type, detail, row.id(), status);
    }

    private static String abbreviate(String digest) {
        return digest.length() > 12 ? digest.substring(0, 12) + "…" : digest;
    }
}
