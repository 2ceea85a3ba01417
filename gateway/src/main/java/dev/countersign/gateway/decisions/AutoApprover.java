package dev.countersign.gateway.decisions;

import dev.countersign.gateway.common.Ids;
import dev.countersign.gateway.policy.AutoApprove;
import dev.countersign.gateway.policy.Policy;
import dev.countersign.gateway.policy.PolicyService;
import dev.countersign.gateway.proposals.AutoDecider;
import dev.countersign.gateway.proposals.ProposalStore;
import dev.countersign.gateway.proposals.StoredVersion;
import dev.countersign.gateway.store.Tx;
import dev.countersign.model.Decision;
import dev.countersign.model.PolicyBasis;
import dev.countersign.model.Proposal;
import dev.countersign.model.ProposalStatus;
import dev.countersign.model.ReasonCode;
import dev.countersign.model.Verdict;
import dev.countersign.model.crypto.Signer;
import dev.countersign.model.record.DecisionRecords;
import dev.countersign.model.record.DsseEnvelope;
import java.security.GeneralSecurityException;
import java.sql.SQLException;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Approves, at once, a proposal version whose policy outcome is {@code auto_approve}: a decision record like any
 * other, signed by the gateway key as reviewer {@value #REVIEWER}, with its own single-use nonce, appended to the log
 * in the transaction that stored the version.
 */
public final class AutoApprover implements AutoDecider {
    public static final String REVIEWER = "gateway:policy";
    private static final Logger LOG = LoggerFactory.getLogger(AutoApprover.class);

    private final DecisionLog log;
    private final ProposalStore proposals;
    private final NonceStore nonces;
    private final PolicyService policy;
    private final Signer gatewayKey;
    private final Ids ids;
    private final String gatewayVersion;

    public AutoApprover(DecisionLog log, ProposalStore proposals, NonceStore nonces, PolicyService policy,
            Signer gatewayKey, Ids ids, String gatewayVersion) {
        this.log = log;
        this.proposals = proposals;
        this.nonces = nonces;
        this.policy = policy;
        this.gatewayKey = gatewayKey;
        this.ids = ids;
        this.gatewayVersion = gatewayVersion;
    }

    @Override
    public void decide(Tx tx, StoredVersion version, Instant now) throws SQLException {
        Proposal proposal = version.proposal();
        PolicyBasis basis = version.context().policyBasis();
        String nonce = ids.token();
        Decision decision = new Decision(proposal.id(), proposal.version(), version.contextDigest(), Verdict.APPROVE,
                ReasonCode.POLICY_AUTO_APPROVED, reason(basis), null, REVIEWER, gatewayKey.keyId(), nonce, now,
                proposal.agent().id(), basis.policyId(), basis.policyVersion(), "countersign-gateway " + gatewayVersion);
        DsseEnvelope envelope;
        try {
            envelope = DecisionRecords.sign(DecisionRecords.statement(proposal.subjectName(), version.proposalDigest(),
                    decision), gatewayKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the gateway key cannot sign an automatic approval: " + e.getMessage(), e);
        }
        String recordId = ids.recordId();
        nonces.issue(tx, nonce, proposal.id(), now, now);
        log.append(tx, recordId, proposal.id(), proposal.version(), REVIEWER, gatewayKey.keyId(), Verdict.APPROVE,
                envelope, now);
        nonces.markUsed(tx, nonce, recordId);
        proposals.setStatus(tx, proposal.id(), ProposalStatus.APPROVED, now, now);
        LOG.info("Proposal {} v{} approved automatically by policy {} {} (record {})", proposal.id(),
                proposal.version(), basis.policyId(), basis.policyVersion(), recordId);
    }

    private String reason(PolicyBasis basis) {
        Policy current = policy.current();
        String thresholds = "";
        if (current.id().equals(basis.policyId()) && current.version().equals(basis.policyVersion())) {
            AutoApprove rule = current.tiers().of(basis.tier()).autoApprove();
            thresholds = " within its autoApprove thresholds: " + rule.describe();
        }
        return "Approved automatically by policy " + basis.policyId() + " version " + basis.policyVersion() + ": tier "
                + basis.tier().json() + thresholds + ".";
    }
}
