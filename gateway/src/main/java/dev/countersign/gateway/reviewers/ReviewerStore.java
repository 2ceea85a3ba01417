package dev.countersign.gateway.reviewers;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.countersign.gateway.store.Jdbc;
import dev.countersign.gateway.store.Tx;
import dev.countersign.model.api.ReviewerView;
import dev.countersign.model.json.Json;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reviewers, their roles and their enrolled keys. */
public final class ReviewerStore {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final String KEY = "SELECT key_id, reviewer, algorithm, public_key, enrolled_at, revoked_at"
            + " FROM reviewer_key";

    public Optional<EnrolledKey> key(Connection c, String keyId) throws SQLException {
        return Jdbc.one(c, KEY + " WHERE key_id = ?", ReviewerStore::key, keyId);
    }

    public Optional<ReviewerView> reviewer(Connection c, String reviewer) throws SQLException {
        Optional<String[]> row = Jdbc.one(c, "SELECT reviewer, display_name, roles FROM reviewer WHERE reviewer = ?",
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}, reviewer);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        List<ReviewerView.Key> keys = Jdbc.list(c, KEY + " WHERE reviewer = ? ORDER BY enrolled_at, key_id",
                rs -> {
                    EnrolledKey k = key(rs);
                    return new ReviewerView.Key(k.keyId(), k.algorithm(), k.enrolledAt(), k.revokedAt());
                }, reviewer);
        String[] r = row.get();
        return Optional.of(new ReviewerView(r[0], r[1], roles(r[2]), keys));
    }

    /** Creates the reviewer, or updates their display name and roles. */
    public void upsertReviewer(Tx tx, String reviewer, String displayName, List<String> roles, Instant now)
            throws SQLException {
        int updated = Jdbc.update(tx.connection(), "UPDATE reviewer SET display_name = ?, roles = ?, updated_at = ?"
                + " WHERE reviewer = ?", displayName, Json.string(roles), now, reviewer);
        if (updated == 0) {
            Jdbc.update(tx.connection(), "INSERT INTO reviewer (reviewer, display_name, roles, created_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?)", reviewer, displayName, Json.string(roles), now, now);
        }
    }

    public void addKey(Tx tx, EnrolledKey key) throws SQLException {
        Jdbc.update(tx.connection(), "INSERT INTO reviewer_key (key_id, reviewer, algorithm, public_key, enrolled_at)"
                        + " VALUES (?, ?, ?, ?, ?)",
                key.keyId(), key.reviewer(), key.algorithm(), key.publicKeyBase64(), key.enrolledAt());
    }

    public boolean revoke(Tx tx, String keyId, Instant now) throws SQLException {
        return Jdbc.update(tx.connection(), "UPDATE reviewer_key SET revoked_at = ? WHERE key_id = ?"
                + " AND revoked_at IS NULL", now, keyId) > 0;
    }

    private static EnrolledKey key(ResultSet rs) throws SQLException {
        return new EnrolledKey(rs.getString("key_id"), rs.getString("reviewer"), rs.getString("algorithm"),
                rs.getString("public_key"), Jdbc.instant(rs, "enrolled_at"), Jdbc.instant(rs, "revoked_at"));
    }

    private static List<String> roles(String json) {
        try {
            return Json.mapper().readValue(json, STRINGS);
        } catch (IOException e) {
            throw new IllegalStateException("stored roles are not a JSON list of strings", e);
        }
    }
}
