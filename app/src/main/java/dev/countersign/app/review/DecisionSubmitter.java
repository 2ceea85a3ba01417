package dev.countersign.app.review;

import dev.countersign.app.sync.GatewayClient;
import dev.countersign.app.sync.ReviewerSessions;
import dev.countersign.app.sync.GatewayException;
import dev.countersign.app.sync.GatewayUnavailableException;
import dev.countersign.model.Decision;
import dev.countersign.model.Proposal;
import dev.countersign.model.ProposalContext;
import dev.countersign.model.api.DecisionReceipt;
import dev.countersign.model.api.NonceGrant;
import dev.countersign.model.api.ProposalView;
import dev.countersign.model.crypto.Signer;
import dev.countersign.model.json.Digests;
import dev.countersign.model.record.DecisionRecords;
import dev.countersign.model.record.DsseEnvelope;
import dev.countersign.model.record.Statement;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a reviewer's choice into a signed decision record and posts it. The digests are computed here from the
 * proposal and context the console showed, never taken from the gateway; the nonce binds the record to one use.
 * Blocking: run it on the task runner.
 */
public final class DecisionSubmitter {
    private static final Logger LOG = LoggerFactory.getLogger(DecisionSubmitter.class);

    private final GatewayClient client;
    private final ReviewerSessions sessions;
    private final Clock clock;
    private final String consoleVersion;

    public DecisionSubmitter(GatewayClient client, ReviewerSessions sessions, Clock clock, String consoleVersion) {
        this.client = client;
        this.sessions = sessions;
        this.clock = clock;
        this.consoleVersion = consoleVersion;
    }

    /** What the gateway said, and the proposal as it stands afterwards (null if it could not be re-read). */
    public record Submitted(DecisionReceipt receipt, ProposalView latest) {}

    public Submitted submit(ProposalView shown, DecisionDraft draft, String reviewer, Signer signer)
            throws GatewayException, GeneralSecurityException {
        Proposal proposal = shown.proposal();
        ProposalContext context = shown.context();
        // the key is unlocked now: renew the session with it if needed, so an "only to sign" unlock is enough
        sessions.ensure(reviewer, signer);
        NonceGrant nonce = client.issueNonce(proposal.id(), "nonce-" + UUID.randomUUID());
        DsseEnvelope envelope = sign(proposal, context, draft, reviewer, signer, nonce.nonce());
        String idempotencyKey = "decision-" + UUID.randomUUID();
        DecisionReceipt receipt;
        try {
            receipt = client.postDecision(envelope, idempotencyKey);
        } catch (GatewayUnavailableException e) {
            // the answer may have been lost after the gateway recorded it: the same key and body replay safely
            LOG.info("decision post interrupted, retrying once with the same Idempotency-Key");
            receipt = client.postDecision(envelope, idempotencyKey);
        }
        LOG.info("decision {} on {} recorded as {} ({} of {} approvals)", draft.verdict().json(), proposal.id(),
                receipt.recordId(), receipt.approvalsGiven(), receipt.approvalsRequired());
        ProposalView latest = null;
        try {
            latest = client.proposal(proposal.id());
        } catch (GatewayException e) {
            LOG.debug("could not re-read {} after the decision: {}", proposal.id(), e.getMessage());
        }
        return new Submitted(receipt, latest);
    }

    /** The proposal as it stands now, with its context. */
    public ProposalView latest(String proposalId) throws GatewayException {
        return client.proposal(proposalId);
    }

    /** The signed record for this proposal and context as shown. Visible for tests. */
    DsseEnvelope sign(Proposal proposal, ProposalContext context, DecisionDraft draft, String reviewer, Signer signer,
            String nonce) throws GeneralSecurityException {
        String proposalDigest = DecisionRecords.proposalDigest(proposal);
        String contextDigest = Digests.canonicalSha256(context);
        Decision decision = new Decision(
                proposal.id(),
                proposal.version(),
                contextDigest,
                draft.verdict(),
                draft.reasonCode(),
                draft.reasonText().strip(),
                null,
                reviewer,
                signer.keyId(),
                nonce,
                clock.instant(),
                proposal.agent().id(),
                context.policyBasis().policyId(),
                context.policyBasis().policyVersion(),
                consoleVersion);
        Statement statement = DecisionRecords.statement(proposal.subjectName(), proposalDigest, decision);
        return DecisionRecords.sign(statement, signer);
    }
}
