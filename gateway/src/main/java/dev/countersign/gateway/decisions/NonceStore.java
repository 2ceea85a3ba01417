package dev.countersign.gateway.decisions;

import dev.countersign.gateway.store.Jdbc;
import dev.countersign.gateway.store.Tx;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Single-use decision nonces. */
public final class NonceStore {
    void issue(Tx tx, String nonce, String proposalId, Instant issuedAt, Instant expiresAt) throws SQLException {
        Jdbc.update(tx.connection(), "INSERT INTO nonce (nonce, proposal_id, issued_at, expires_at) VALUES (?, ?, ?, ?)",
                nonce, proposalId, issuedAt, expiresAt);
    }

    Optional<NonceRow> find(Connection c, String nonce) throws SQLException {
        return Jdbc.one(c, "SELECT nonce, proposal_id, issued_at, expires_at, used_by_record FROM nonce WHERE nonce = ?",
                rs -> new NonceRow(rs.getString(1), rs.getString(2), Jdbc.instant(rs, "issued_at"),
                        Jdbc.instant(rs, "expires_at"), rs.getString(5)),
                nonce);
    }

    void markUsed(Tx tx, String nonce, String recordId) throws SQLException {
        int updated = Jdbc.update(tx.connection(),
                "UPDATE nonce SET used_by_record = ? WHERE nonce = ? AND used_by_record IS NULL", recordId, nonce);
        if (updated != 1) {
            throw new IllegalStateException("nonce was used concurrently; the single writer should prevent this");
        }
    }
}
