package dev.countersign.model;

/**
 * The workload that proposed an action (a SPIFFE ID or similar) and the human accountable for it.
 */
public record AgentIdentity(String id, String owner) {
    public AgentIdentity {
        Require.text(id, "id");
        Require.text(owner, "owner");
    }
}
