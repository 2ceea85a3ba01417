package dev.countersign.gateway.reviewers;

import dev.countersign.gateway.store.Tx;
import java.sql.SQLException;
import java.time.Instant;

/** What else must happen, in the same transaction, when a reviewer key is revoked (its sessions end). */
@FunctionalInterface
public interface KeyRevocation {
    void revoked(Tx tx, String keyId, Instant at) throws SQLException;
}
