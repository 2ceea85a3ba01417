package dev.countersign.model.api;

import dev.countersign.model.Proposal;
import dev.countersign.model.ProposalContext;
import dev.countersign.model.Require;

/**
 * One stored version of a proposal with the context stored for it and their digests
 * ({@code GET /v1/proposals/{id}/versions/{version}}): what a decision record bound to that version was shown, so a
 * console can prove an old decision after the proposal has moved on.
 */
public record ProposalVersionView(Proposal proposal, ProposalContext context, String proposalDigest,
        String contextDigest) {
    public ProposalVersionView {
        Require.present(proposal, "proposal");
        Require.present(context, "context");
        Require.text(proposalDigest, "proposalDigest");
        Require.text(contextDigest, "contextDigest");
    }
}
