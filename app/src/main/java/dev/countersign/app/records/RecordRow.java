package dev.countersign.app.records;

import dev.countersign.model.ActionType;
import dev.countersign.model.Decision;
import dev.countersign.model.Proposal;
import dev.countersign.model.ProposalContext;
import dev.countersign.model.RiskTier;
import dev.countersign.model.Verdict;
import dev.countersign.model.api.DecisionRecordView;
import dev.countersign.model.bundle.RecordCheck;
import java.time.Instant;

/**
 * One decision record as the records view and an opened bundle show it: the record, its verification state, and the
 * proposal version and context it is bound to (null when not held).
 *
 * <p>The derived accessors prefer what the signed decision says, then the proposal and context held; each returns
 * null when none of them says it. {@code check} may be null (not checked): every state then reads UNKNOWN.
 */
public record RecordRow(DecisionRecordView record, RecordCheck check, Proposal proposal, ProposalContext context) {

    /** The decision the record carries, as the check read it; null when unread or unreadable. */
    public Decision decision() {
        return check == null ? null : check.decision();
    }

    public String recordId() {
        return record.recordId();
    }

    public String proposalId() {
        return record.proposalId();
    }

    /** When the reviewer decided (the signed time); the gateway's recording time if the decision is unread. */
    public Instant decidedAt() {
        Decision d = decision();
        return d != null ? d.decidedAt() : record.recordedAt();
    }

    public Verdict verdict() {
        return record.verdict();
    }

    public String reviewer() {
        return record.reviewer();
    }

    public long logIndex() {
        return record.logIndex();
    }

    public ActionType actionType() {
        return proposal == null ? null : proposal.actionType();
    }

    /** The target's name as the agent submitted it (untrusted: show it revealed). */
    public String targetName() {
        return proposal == null ? null : proposal.target().name();
    }

    public String environment() {
        return proposal == null ? null : proposal.environment();
    }

    /** The tier policy gave the proposal: the context's, else the proposal's. */
    public RiskTier tier() {
        if (context != null) {
            return context.policyBasis().tier();
        }
        return proposal == null ? null : proposal.riskTier();
    }

    public String agentId() {
        Decision d = decision();
        if (d != null) {
            return d.agentId();
        }
        return proposal == null ? null : proposal.agent().id();
    }

    /** The policy the proposal was judged under: the decision's, else the context's. */
    public PolicyVersion policy() {
        Decision d = decision();
        if (d != null) {
            return new PolicyVersion(d.policyId(), d.policyVersion());
        }
        return context == null ? null
                : new PolicyVersion(context.policyBasis().policyId(), context.policyBasis().policyVersion());
    }

    public RecordCheck.State signature() {
        return check == null ? RecordCheck.State.UNKNOWN : check.signature();
    }

    public RecordCheck.State keyEnrolled() {
        return check == null ? RecordCheck.State.UNKNOWN : check.keyEnrolled();
    }

    public RecordCheck.State inLog() {
        return check == null ? RecordCheck.State.UNKNOWN : check.inLog();
    }

    /** Some check failed (rather than could not be made). */
    public boolean failed() {
        return check != null && check.failed();
    }
}
