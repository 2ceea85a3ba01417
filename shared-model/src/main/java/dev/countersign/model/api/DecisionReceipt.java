package dev.countersign.model.api;

import dev.countersign.model.ProposalStatus;
import dev.countersign.model.Require;

/** The gateway's answer to an accepted decision. */
public record DecisionReceipt(
        String recordId, String proposalId, ProposalStatus status, int approvalsGiven, int approvalsRequired,
        long logIndex) {
    public DecisionReceipt {
        Require.text(recordId, "recordId");
        Require.text(proposalId, "proposalId");
        Require.present(status, "status");
    }
}
