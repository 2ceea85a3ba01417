package dev.countersign.model;

/**
 * The workload that proposed an action (a SPIFFE ID or similar) and the human accountable for it. Both are plain
 * identities (see {@link Identities}): separation of duties compares the owner with the reviewer.
 */
public record AgentIdentity(String id, String owner) {
    public AgentIdentity {
        Identities.require(id, "id");
        Identities.require(owner, "owner");
    }
}
