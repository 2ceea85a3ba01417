package dev.countersign.gateway.reviewers;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.countersign.gateway.store.Jdbc;
import dev.countersign.gateway.store.Tx;
import dev.countersign.model.api.DecisionRights;
import dev.countersign.model.api.ReviewerView;
import dev.countersign.model.json.Json;
import dev.countersign.model.record.DsseEnvelope;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reviewers, their roles, decision rights and enrolled keys. */
public final class ReviewerStore {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final String KEY = "SELECT key_id, reviewer, algorithm, public_key, enrolled_at, revoked_at,"
            + " revoked_reason, rotation_proof FROM reviewer_key";

    public Optional<EnrolledKey> key(Connection c, String keyId) throws SQLException {
        return Jdbc.one(c, KEY + " WHERE key_id = ?", ReviewerStore::key, keyId);
    }

    public Optional<ReviewerView> reviewer(Connection c, String reviewer) throws SQLException {
        Optional<String[]> row = Jdbc.one(c, "SELECT reviewer, display_name, roles, rights FROM reviewer"
                + " WHERE reviewer = ?", rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4)}, reviewer);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        List<ReviewerView.Key> keys = Jdbc.list(c, KEY + " WHERE reviewer = ? ORDER BY enrolled_at, key_id",
                rs -> {
                    EnrolledKey k = key(rs);
                    String proof = rs.getString("rotation_proof");
                    return new ReviewerView.Key(k.keyId(), k.algorithm(), k.enrolledAt(), k.revokedAt(),
                            rs.getString("revoked_reason"), k.publicKeyBase64(),
                            proof == null ? null : Json.parse(proof, DsseEnvelope.class));
                }, reviewer);
        String[] r = row.get();
        return Optional.of(new ReviewerView(r[0], r[1], roles(r[2]), keys, rights(r[3])));
    }

    /** Every reviewer, by name. */
    public List<ReviewerView> all(Connection c) throws SQLException {
        List<String> names = Jdbc.list(c, "SELECT reviewer FROM reviewer ORDER BY reviewer", rs -> rs.getString(1));
        List<ReviewerView> all = new ArrayList<>();
        for (String name : names) {
            reviewer(c, name).ifPresent(all::add);
        }
        return all;
    }

    /** Replaces a reviewer's decision rights; false if there is no such reviewer. */
    public boolean setRights(Tx tx, String reviewer, DecisionRights rights, Instant now) throws SQLException {
        return Jdbc.update(tx.connection(), "UPDATE reviewer SET rights = ?, updated_at = ? WHERE reviewer = ?",
                rights == null ? null : Json.string(rights), now, reviewer) > 0;
    }

    /** Replaces a reviewer's roles. */
    public void setRoles(Tx tx, String reviewer, List<String> roles, Instant now) throws SQLException {
        Jdbc.update(tx.connection(), "UPDATE reviewer SET roles = ?, updated_at = ? WHERE reviewer = ?",
                Json.string(roles), now, reviewer);
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

    /** Keeps the signed rotation statement that brought this key in (see ReviewerView.Key#rotationProof). */
    public void rotationProof(Tx tx, String keyId, DsseEnvelope proof) throws SQLException {
        Jdbc.update(tx.connection(), "UPDATE reviewer_key SET rotation_proof = ? WHERE key_id = ?", Json.string(proof),
                keyId);
    }

    /** Revokes a key in force, saying why; false if it was already revoked (the first reason stays). */
    public boolean revoke(Tx tx, String keyId, Instant now, String reason) throws SQLException {
        return Jdbc.update(tx.connection(), "UPDATE reviewer_key SET revoked_at = ?, revoked_reason = ?"
                + " WHERE key_id = ? AND revoked_at IS NULL", now, reason, keyId) > 0;
    }

    private static EnrolledKey key(ResultSet rs) throws SQLException {
        return new EnrolledKey(rs.getString("key_id"), rs.getString("reviewer"), rs.getString("algorithm"),
                rs.getString("public_key"), Jdbc.instant(rs, "enrolled_at"), Jdbc.instant(rs, "revoked_at"));
    }

    private static DecisionRights rights(String json) {
        if (json == null) {
            return null;
        }
        try {
            return Json.mapper().readValue(json, DecisionRights.class);
        } catch (IOException e) {
            throw new IllegalStateException("stored rights are not a decision-rights document", e);
        }
    }

    private static List<String> roles(String json) {
        try {
            return Json.mapper().readValue(json, STRINGS);
        } catch (IOException e) {
            throw new IllegalStateException("stored roles are not a JSON list of strings", e);
        }
    }
}
