package dev.countersign.gateway.proposals;

import dev.countersign.gateway.store.Tx;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Decides a proposal version at once when policy says so (outcome {@code auto_approve}), inside the transaction that
 * stored it. Implemented by the decisions feature, so proposals need not know how records are signed and logged.
 */
public interface AutoDecider {
    AutoDecider NONE = (tx, version, now) -> { };

    void decide(Tx tx, StoredVersion version, Instant now) throws SQLException;
}
