package dev.countersign.model.api;

import dev.countersign.model.Require;
import dev.countersign.model.record.DsseEnvelope;
import java.time.Instant;
import java.util.List;

/**
 * A reviewer as the gateway knows them: identity, roles, keys and decision rights ({@code rights} is absent when
 * the reviewer holds none).
 */
public record ReviewerView(String reviewer, String displayName, List<String> roles, List<Key> keys,
        DecisionRights rights) {
    public ReviewerView {
        Require.text(reviewer, "reviewer");
        Require.text(displayName, "displayName");
        roles = Require.list(roles, "roles");
        keys = Require.list(keys, "keys");
    }

    /** A reviewer without decision rights. */
    public ReviewerView(String reviewer, String displayName, List<String> roles, List<Key> keys) {
        this(reviewer, displayName, roles, keys, null);
    }

    /**
     * One enrolled key; revokedAt is absent while the key is in force, revokedReason says why it was revoked (an
     * admin's revocation, or {@code rotated to <new key id>}). {@code publicKey} is the key itself (base64 SPKI DER),
     * so anyone can check what it signed. {@code rotationProof} is present for a key that replaced another by the
     * reviewer's own rotation: the rotation statement signed by the old and the new key (KeyRotations), which shows
     * without trusting the gateway that the reviewer who held the old key chose this one.
     */
    public record Key(String keyId, String algorithm, Instant enrolledAt, Instant revokedAt, String revokedReason,
            String publicKey, DsseEnvelope rotationProof) {
        public Key {
            Require.text(keyId, "keyId");
            Require.text(algorithm, "algorithm");
            Require.present(enrolledAt, "enrolledAt");
        }

        /** A key with no recorded reason for its revocation (or not revoked), as older gateways describe it. */
        public Key(String keyId, String algorithm, Instant enrolledAt, Instant revokedAt) {
            this(keyId, algorithm, enrolledAt, revokedAt, null, null, null);
        }
    }
}
