package dev.countersign.gateway.store;

import java.sql.Connection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One write transaction on the writer thread: the connection, and the proposals it changed (whose waiters are
 * woken once it commits).
 */
public final class Tx {
    private final Connection connection;
    private final Set<String> touchedProposals = new LinkedHashSet<>();

    Tx(Connection connection) {
        this.connection = connection;
    }

    public Connection connection() {
        return connection;
    }

    /** Notes that a proposal's view changed in this transaction. */
    public void touched(String proposalId) {
        touchedProposals.add(proposalId);
    }

    Set<String> touchedProposals() {
        return Set.copyOf(touchedProposals);
    }
}
