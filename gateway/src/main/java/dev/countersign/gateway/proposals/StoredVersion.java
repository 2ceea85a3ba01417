package dev.countersign.gateway.proposals;

import dev.countersign.model.Proposal;
import dev.countersign.model.ProposalContext;
import dev.countersign.model.json.Json;

/** One version of a proposal with its context, as the exact canonical JSON stored, and their digests. */
public record StoredVersion(String proposalJson, String proposalDigest, String contextJson, String contextDigest) {
    public Proposal proposal() {
        return Json.parse(proposalJson, Proposal.class);
    }

    public ProposalContext context() {
        return Json.parse(contextJson, ProposalContext.class);
    }
}
