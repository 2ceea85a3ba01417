package dev.countersign.model.api;

import dev.countersign.model.Proposal;
import dev.countersign.model.ProposalContext;
import dev.countersign.model.ProposalStatus;
import dev.countersign.model.Require;
import java.time.Instant;
import java.util.List;

/** A proposal as the gateway serves it: the proposal, its context snapshot, their digests and where it stands. */
public record ProposalView(
        Proposal proposal,
        ProposalContext context,
        String proposalDigest,
        String contextDigest,
        ProposalStatus status,
        int approvalsRequired,
        List<Approval> approvals,
        Instant updatedAt) {

    public ProposalView {
        Require.present(proposal, "proposal");
        Require.present(context, "context");
        Require.text(proposalDigest, "proposalDigest");
        Require.text(contextDigest, "contextDigest");
        Require.present(status, "status");
        Require.atLeast(approvalsRequired, 1, "approvalsRequired");
        approvals = Require.list(approvals, "approvals");
        Require.present(updatedAt, "updatedAt");
    }
}
