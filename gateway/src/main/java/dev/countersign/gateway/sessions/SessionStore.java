package dev.countersign.gateway.sessions;

import dev.countersign.gateway.store.Jdbc;
import dev.countersign.gateway.store.Tx;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Session challenges and sessions. Tokens are stored only as their sha256. */
public final class SessionStore {
    /** An issued challenge. */
    record ChallengeRow(String challengeId, String reviewer, String keyId, String payloadSha256, Instant expiresAt,
            Instant usedAt) {}

    /** A session as stored, with its key's revocation time (null while the key is in force). */
    record SessionRow(String reviewer, String keyId, Instant expiresAt, Instant closedAt, String closedWhy,
            Instant keyRevokedAt) {}

    void addChallenge(Tx tx, String challengeId, String reviewer, String keyId, String payloadSha256,
            Instant issuedAt, Instant expiresAt) throws SQLException {
        Jdbc.update(tx.connection(), "INSERT INTO session_challenge (challenge_id, reviewer, key_id, payload_sha256,"
                + " issued_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)", challengeId, reviewer, keyId, payloadSha256,
                issuedAt, expiresAt);
    }

    Optional<ChallengeRow> challenge(Connection c, String challengeId) throws SQLException {
        return Jdbc.one(c, "SELECT challenge_id, reviewer, key_id, payload_sha256, expires_at, used_at"
                + " FROM session_challenge WHERE challenge_id = ?", rs -> new ChallengeRow(rs.getString(1),
                        rs.getString(2), rs.getString(3), rs.getString(4), Jdbc.instant(rs, "expires_at"),
                        Jdbc.instant(rs, "used_at")), challengeId);
    }

    /**
     * Forgets a key's challenges that have not opened a session, so that a key has at most one open challenge: the
     * route that issues them needs no credentials, and its rows must stay bounded by the enrolled keys.
     */
    void forgetUnusedChallenges(Tx tx, String keyId) throws SQLException {
        Jdbc.update(tx.connection(), "DELETE FROM session_challenge WHERE key_id = ? AND used_at IS NULL", keyId);
    }

    /** Marks a challenge used; false if it already was (the check and the mark are one statement). */
    boolean useChallenge(Tx tx, String challengeId, Instant at) throws SQLException {
        return Jdbc.update(tx.connection(), "UPDATE session_challenge SET used_at = ? WHERE challenge_id = ?"
                + " AND used_at IS NULL", at, challengeId) == 1;
    }

    void addSession(Tx tx, String tokenSha256, String reviewer, String keyId, String challengeId, Instant openedAt,
            Instant expiresAt) throws SQLException {
        Jdbc.update(tx.connection(), "INSERT INTO reviewer_session (token_sha256, reviewer, key_id, challenge_id,"
                + " opened_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)", tokenSha256, reviewer, keyId, challengeId,
                openedAt, expiresAt);
    }

    Optional<SessionRow> session(Connection c, String tokenSha256) throws SQLException {
        return Jdbc.one(c, "SELECT s.reviewer, s.key_id, s.expires_at, s.closed_at, s.closed_why, k.revoked_at"
                        + " FROM reviewer_session s LEFT JOIN reviewer_key k ON k.key_id = s.key_id"
                        + " WHERE s.token_sha256 = ?",
                rs -> new SessionRow(rs.getString(1), rs.getString(2), Jdbc.instant(rs, "expires_at"),
                        Jdbc.instant(rs, "closed_at"), rs.getString(5), Jdbc.instant(rs, "revoked_at")),
                tokenSha256);
    }

    /** Closes one open session; false if there was none open under that token. */
    boolean close(Tx tx, String tokenSha256, Instant at, String why) throws SQLException {
        return Jdbc.update(tx.connection(), "UPDATE reviewer_session SET closed_at = ?, closed_why = ?"
                + " WHERE token_sha256 = ? AND closed_at IS NULL", at, why, tokenSha256) == 1;
    }

    /** Closes every open session of a key; returns how many. */
    public int closeForKey(Tx tx, String keyId, Instant at, String why) throws SQLException {
        return Jdbc.update(tx.connection(), "UPDATE reviewer_session SET closed_at = ?, closed_why = ?"
                + " WHERE key_id = ? AND closed_at IS NULL", at, why, keyId);
    }

    /** Forgets challenges and sessions that lapsed before {@code before}. */
    void prune(Tx tx, Instant before) throws SQLException {
        Jdbc.update(tx.connection(), "DELETE FROM session_challenge WHERE expires_at < ?", before);
        Jdbc.update(tx.connection(), "DELETE FROM reviewer_session WHERE expires_at < ?", before);
    }
}
