package dev.countersign.model;

/**
 * The workload that proposed an action (a SPIFFE ID or similar) and the human accountable for it. A new submission
 * must name both as plain identities (see {@link Identities} and ProposalSubmission); a stored one is read as it was
 * stored, so tightening the rules never makes an existing proposal unreadable.
 */
public record AgentIdentity(String id, String owner) {
    public AgentIdentity {
        Require.text(id, "id");
        Require.text(owner, "owner");
    }
}
